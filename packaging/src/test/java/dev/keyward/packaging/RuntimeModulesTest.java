package dev.keyward.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolvedModule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Holds the linked runtime's module list to what jdeps finds the shipped code and libraries using. The app runs
 * from the class path, so a JDK module missing from {@link RuntimeLink#MODULES} does not fail the build: it fails
 * in the installed package, the first time a command touches a class of that module (the packaged
 * {@code agent start} once died with {@code NoClassDefFoundError: java/lang/management/ManagementFactory}).
 */
class RuntimeModulesTest {

    private static final Path RUNTIME_CLASS_PATH = Path.of("target", "runtime-classpath.txt");

    @Test
    void theLinkedRuntimeHoldsEveryModuleTheShippedJarsUse() throws Exception {
        List<String> jars = Arrays.stream(Files.readString(RUNTIME_CLASS_PATH, StandardCharsets.UTF_8).strip()
                        .split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .toList();
        assertEquals(4, jars.stream().filter(RuntimeModulesTest::isKeywards).count(),
                "Keyward's four modules are on the runtime class path: " + jars);

        Set<String> used = modulesUsedBy(jars);
        Set<String> linked = closure(RuntimeLink.MODULES);
        Set<String> missing = used.stream().filter(m -> !linked.contains(m))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), missing, "JDK modules the shipped jars use that the packaged runtime lacks (add them to"
                + " RuntimeLink.MODULES with the reason): " + missing + "; jdeps found " + used);
    }

    /** The JDK modules jdeps reports for {@code jars}, reduced as jlink's --add-modules would take them. */
    private static Set<String> modulesUsedBy(List<String> jars) throws IOException, InterruptedException {
        Path jdeps = Path.of(System.getProperty("java.home"), "bin", "jdeps");
        assertTrue(Files.isExecutable(jdeps), "this JDK has jdeps: " + jdeps);
        // Keyward's own jars are the roots; jdeps follows them into the libraries on the class path. Given as roots,
        // the libraries with a module-info would be analysed as modules whose own dependencies must resolve.
        List<String> command = new ArrayList<>(List.of(jdeps.toString(), "--print-module-deps", "--ignore-missing-deps",
                "--multi-release", Integer.toString(Runtime.version().feature()), "-q",
                "--class-path", String.join(java.io.File.pathSeparator, jars)));
        jars.stream().filter(RuntimeModulesTest::isKeywards).forEach(command::add);
        Path out = Files.createTempFile("jdeps", ".txt");
        try {
            Process jdepsRun = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            assertTrue(jdepsRun.waitFor(5, TimeUnit.MINUTES), "jdeps finished");
            String printed = Files.readString(out, StandardCharsets.UTF_8).strip();
            assertEquals(0, jdepsRun.exitValue(), "jdeps ran: " + printed);
            // The last line is the module list; jdeps may warn above it.
            String[] lines = printed.split("\\R");
            return closure(Arrays.stream(lines[lines.length - 1].split(",")).map(String::strip)
                    .filter(m -> !m.isEmpty()).toList());
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /**
     * Whether a class path entry is one of Keyward's modules: a jar or classes folder in a module's {@code target}
     * (in the reactor the app's jar is {@code keyward-app.jar}), or a jar from the local repository's
     * {@code dev/keyward} folder.
     */
    private static boolean isKeywards(String entry) {
        Path path = Path.of(entry).toAbsolutePath().normalize();
        List<String> modules = List.of("app", "vault-core", "automation", "reference-library");
        for (Path p = path.getParent(); p != null && p.getParent() != null; p = p.getParent()) {
            if (p.getFileName().toString().equals("target") && modules.contains(p.getParent().getFileName().toString())) {
                return true;
            }
        }
        return path.toString().replace('\\', '/').contains("/dev/keyward/")
                && modules.stream().anyMatch(m -> path.getFileName().toString().startsWith(m + "-"));
    }

    /** {@code roots} and every module they require, as jlink resolves them from this JDK. */
    private static Set<String> closure(List<String> roots) {
        Configuration resolved = Configuration.empty().resolve(ModuleFinder.ofSystem(), ModuleFinder.of(), roots);
        return resolved.modules().stream().map(ResolvedModule::name).collect(Collectors.toCollection(TreeSet::new));
    }
}
