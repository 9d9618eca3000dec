package dev.keyward.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Builds Keyward's app image and installers: stages the jars (native code trimmed to this
 * platform, signatures removed), links a private runtime, draws the icons and runs jpackage. The Maven profile
 * {@code package} runs it on the toolchain JDK, whose jlink and jpackage it uses.
 */
public final class PackageBuild {

    private PackageBuild() {
    }

    public static void main(String[] args) throws IOException {
        BuildOptions options = BuildOptions.parse(args);
        HostPlatform platform = HostPlatform.current();
        List<String> installers = options.installerTypes(platform);
        installers.forEach(type -> checkInstallerTools(platform, type));
        deleteRecursively(options.work());
        deleteRecursively(options.dest());

        Path input = options.work().resolve("input");
        stage(options.input(), input, NativeLibraries.rules(platform, System.getProperty("os.arch", "")));
        Path runtime = options.work().resolve("runtime");
        step("Linking the Java runtime (" + RuntimeLink.MODULES.size() + " modules)");
        JdkTool.run("jlink", RuntimeLink.arguments(runtime));
        Path icons = options.work().resolve("icons");
        IconFiles.writeAll(icons);

        PackageSpec spec = new PackageSpec(platform, options.appVersion(platform), input, options.mainJar(), runtime,
                icons, options.resources(), options.dest(), javaOptions(Runtime.version().feature()),
                options.installerOptions());
        step("Building the app image " + spec.appImage());
        JdkTool.run("jpackage", JpackageArguments.appImage(spec));
        List<Path> built = new ArrayList<>();
        for (String type : installers) {
            step("Building the " + type + " installer");
            JdkTool.run("jpackage", JpackageArguments.installer(spec, type));
            try (Stream<Path> files = Files.list(options.dest())) {
                files.filter(f -> f.getFileName().toString().endsWith("." + type)).forEach(built::add);
            }
        }
        reportSizes(spec.appImage(), built, options.dest().resolve("package-sizes.txt"));
    }

    /** The desktop's heap options, as ./keyward's desktop_jvm gives them (LauncherDesktopHeapTest checks those). */
    static final List<String> HEAP_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=30", "-XX:-ShrinkHeapInSteps");

    /**
     * Options baked into the launcher. Both opt-ins are needed on current JDKs: the SQLite and
     * Argon2 native libraries are loaded by unnamed modules, and JavaFX 21 still uses
     * sun.misc.Unsafe's memory methods, which JDK 24+ warns about unless allowed. The agent reads
     * its client's pid from the socket's descriptor (app agent.PeerCredentials), inside sun.nio.ch.
     * The heap options are ./keyward's for the desktop (its desktop_jvm): the serial collector with a heap that
     * gives back its spare room at once, which the desktop's rest in the tray counts on (TrayRest); a CLI command
     * is served by them as well as by the default collector.
     */
    static List<String> javaOptions(int runtimeFeatureVersion) {
        List<String> options = new ArrayList<>(List.of("--enable-native-access=ALL-UNNAMED",
                "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED"));
        options.addAll(HEAP_OPTIONS);
        if (runtimeFeatureVersion >= 24) {
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        return options;
    }

    /**
     * Copies every jar of {@code from} into {@code to}: jars with native code trimmed to this
     * platform, signed jars without their signature.
     */
    static void stage(Path from, Path to, List<NativeJarTrim.Rule> rules) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> jars = Files.list(from)) {
            for (Path jar : jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                Path target = to.resolve(jar.getFileName());
                NativeJarTrim.Rule rule = rules.stream().filter(r -> r.appliesTo(jar)).findFirst().orElse(null);
                if (rule == null && JarSignatureStrip.isSigned(jar)) {
                    JarSignatureStrip.strip(jar, target);
                    step("Removed the signature of " + jar.getFileName() + " (verified on every start otherwise)");
                    continue;
                }
                if (rule == null) {
                    Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
                    continue;
                }
                NativeJarTrim.Outcome outcome = NativeJarTrim.trim(jar, target, rule);
                step("Trimmed " + jar.getFileName() + " to " + rule.root() + rule.keep() + ": dropped "
                        + outcome.droppedEntries() + " entries, " + megabytes(Files.size(jar)) + " -> "
                        + megabytes(Files.size(target)));
            }
        }
    }

    private static void checkInstallerTools(HostPlatform platform, String type) {
        if (platform == HostPlatform.linux && type.equals("deb")) {
            for (String tool : List.of("dpkg-deb", "fakeroot")) {
                if (!onPath(tool)) {
                    throw new IllegalStateException("Building the .deb needs " + tool + ", which is not on the PATH: "
                            + "install it (sudo apt-get install dpkg fakeroot), or build only the app image with "
                            + "-Dkeyward.package.types=app-image.");
                }
            }
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static void reportSizes(Path appImage, List<Path> installers, Path report) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("app-image " + appImage.getFileName() + " " + treeSize(appImage) + " bytes ("
                + megabytes(treeSize(appImage)) + ")");
        for (Path installer : installers) {
            lines.add("installer " + installer.getFileName() + " " + Files.size(installer) + " bytes ("
                    + megabytes(Files.size(installer)) + ")");
        }
        try (Writer out = Files.newBufferedWriter(report)) {
            for (String line : lines) {
                out.write(line + System.lineSeparator());
                step(line);
            }
        }
    }

    /** Sum of the file sizes under {@code root}: the space the installed application takes. */
    static long treeSize(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void step(String message) {
        System.out.println("[keyward-package] " + message);
    }
}
