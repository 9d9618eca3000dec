package dev.keyward.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.packaging.PackagedApp.Result;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the launcher of the app image the {@code package} profile built, as a user would. */
class PackagedLauncherIT {

    @TempDir
    Path home;

    @Test
    void versionNamesKeywardAndTheBundledRuntime() throws Exception {
        Result r = PackagedApp.run(PackagedApp.cli("--version"), Map.of(), "");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Keyward 0.1.0"), r.out());
        assertTrue(r.out().contains("(Java " + Runtime.version().feature()), "the runtime jlinked from this JDK: " + r.out());
    }

    @Test
    void cliRoundTripCreatesAProfileStoresASecretAndReadsItBack() throws Exception {
        String value = "sk-packaged-canary-7f3a9c21d4e8b6";
        Map<String, String> env = Map.of("KEYWARD_HOME", home.toString(),
                "KEYWARD_NEW_PASSWORD", "correct horse battery staple 42",
                "KEYWARD_PASSWORD", "correct horse battery staple 42");
        List<Result> all = new ArrayList<>();

        Result created = PackagedApp.run(PackagedApp.cli("profile", "create", "work"), env, "");
        all.add(created);
        assertEquals(0, created.code(), created.err());
        assertTrue(created.out().contains("Created profile 'work'"), created.out());
        assertTrue(created.out().contains(home.toString()), "the profile lives under KEYWARD_HOME: " + created.out());

        Result added = PackagedApp.run(PackagedApp.cli("secret", "add", "OPENAI_KEY", "--value-stdin"), env, value + "\n");
        all.add(added);
        assertEquals(0, added.code(), added.err());
        assertTrue(added.out().startsWith("Added secret 'OPENAI_KEY'"), added.out());

        Result got = PackagedApp.run(PackagedApp.cli("secret", "get", "OPENAI_KEY"), env, "");
        assertEquals(0, got.code(), got.err());
        assertEquals(value, got.out().strip());

        for (Result r : all) {
            assertFalse(r.out().contains(value) || r.err().contains(value), "the value leaked into output: " + r);
        }
        assertFalse(got.err().contains(value));
    }

    @Test
    void wrongPasswordFailsWithASentenceAndNoSecret() throws Exception {
        Map<String, String> env = Map.of("KEYWARD_HOME", home.toString(), "KEYWARD_NEW_PASSWORD", "first password 123");
        assertEquals(0, PackagedApp.run(PackagedApp.cli("profile", "create", "p"), env, "").code());

        Result r = PackagedApp.run(PackagedApp.cli("secret", "list"), Map.of("KEYWARD_HOME", home.toString(),
                "KEYWARD_PASSWORD", "not the password"), "");

        assertTrue(r.code() != 0, "exit code " + r.code());
        assertFalse(r.err().contains("Exception"), "a sentence, not a stack trace: " + r.err());
    }

    @Test
    void packagedDriverBundleCarriesOnlyThisPlatformsDriver() throws Exception {
        String folder = PackagedApp.PLATFORM.playwrightDriverFolder(System.getProperty("os.arch"));
        Path bundle = PackagedApp.jar("driver-bundle-");
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            List<String> drivers = zip.stream().map(ZipEntry::getName)
                    .filter(n -> n.startsWith("driver/") && !n.equals("driver/")).toList();
            assertTrue(drivers.stream().allMatch(n -> n.startsWith("driver/" + folder + "/")),
                    "only driver/" + folder + ": " + drivers.stream().filter(n -> !n.startsWith("driver/" + folder + "/"))
                            .limit(5).toList());
            assertTrue(drivers.contains("driver/" + folder + "/package/cli.js"));
        }
        assertTrue(Files.size(bundle) < 80_000_000L, "one platform's driver, not five: " + Files.size(bundle));
    }

    @Test
    void packagedJarsAreUnsignedSoStartsSkipSignatureChecks() throws Exception {
        try (java.util.stream.Stream<Path> jars = Files.list(PackagedApp.appFolder())) {
            for (Path jar : jars.filter(j -> j.toString().endsWith(".jar")).toList()) {
                assertFalse(JarSignatureStrip.isSigned(jar), jar.getFileName() + " is still signed");
            }
        }
        assertTrue(Files.exists(PackagedApp.jar("bcprov-")), "BouncyCastle is shipped (unsigned)");
    }

    @Test
    void playwrightStartsItsDriverOnThePackagedRuntimeAndJars() throws Exception {
        Path java = Path.of(System.getProperty("keyward.package.work"), "runtime", "bin",
                PackagedApp.PLATFORM == HostPlatform.windows ? "java.exe" : "java");
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(launcherJavaOptions());
        command.addAll(List.of("-cp", PackagedApp.appFolder().resolve("*") + File.pathSeparator + testClasses(),
                DriverProbe.class.getName()));

        Result r = PackagedApp.run(command, Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"), "");

        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("driver started; chromium would be chromium"), r.out());
    }

    /** The java-options lines of the launcher's .cfg, so the probe runs the JVM the way the launcher does. */
    private static List<String> launcherJavaOptions() throws IOException {
        Path cfg = PackagedApp.appFolder().resolve(PackagedApp.cliLauncher().getFileName().toString()
                .replaceFirst("\\.exe$", "") + ".cfg");
        List<String> options = Files.readAllLines(cfg).stream().filter(l -> l.startsWith("java-options="))
                .map(l -> l.substring("java-options=".length())).toList();
        assertTrue(options.contains("--enable-native-access=ALL-UNNAMED"), "launcher options: " + options);
        return options;
    }

    private static String testClasses() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> p.endsWith("test-classes")).findFirst().orElseThrow();
    }
}
