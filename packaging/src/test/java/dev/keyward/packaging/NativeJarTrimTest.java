package dev.keyward.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeJarTrimTest {

    @TempDir
    Path dir;

    private static final NativeJarTrim.Rule DRIVER =
            new NativeJarTrim.Rule("driver-bundle-", "driver/", 1, f -> true, List.of("linux/"));

    @Test
    void keepsOnePlatformsDriverAndEverythingOutsideTheDriverFolder() throws IOException {
        Path bundle = jar("driver-bundle-1.49.0.jar", "com/microsoft/playwright/impl/driver/jar/DriverJar.class",
                "driver/", "driver/linux/", "driver/linux/node", "driver/linux/package/cli.js", "driver/linux-arm64/node",
                "driver/mac/", "driver/mac/node", "driver/win32_x64/node.exe");
        Path trimmed = dir.resolve("out/driver-bundle-1.49.0.jar");

        NativeJarTrim.Outcome outcome = NativeJarTrim.trim(bundle, trimmed, DRIVER);

        assertEquals(List.of("com/microsoft/playwright/impl/driver/jar/DriverJar.class", "driver/", "driver/linux/",
                "driver/linux/node", "driver/linux/package/cli.js"), names(trimmed));
        try (ZipFile zip = new ZipFile(trimmed.toFile())) {
            assertEquals("driver/linux/node", new String(zip.getInputStream(zip.getEntry("driver/linux/node")).readAllBytes(),
                    StandardCharsets.UTF_8), "contents are copied, not just names");
        }
        assertEquals(4, outcome.droppedEntries());
    }

    @Test
    void twoLevelFoldersKeepTheirParentsAndDropSiblingArchitectures() throws IOException {
        NativeJarTrim.Rule sqlite = new NativeJarTrim.Rule("sqlite-jdbc-", "org/sqlite/native/", 2, f -> true,
                List.of("Linux/x86_64/"));
        Path jar = jar("sqlite-jdbc-3.40.1.0.jar", "org/sqlite/native/", "org/sqlite/native/Linux/",
                "org/sqlite/native/Linux/x86_64/", "org/sqlite/native/Linux/x86_64/libsqlitejdbc.so",
                "org/sqlite/native/Linux/aarch64/", "org/sqlite/native/Linux/aarch64/libsqlitejdbc.so",
                "org/sqlite/native/Mac/x86_64/libsqlitejdbc.dylib", "org/sqlite/core/NativeDB.class");

        NativeJarTrim.trim(jar, dir.resolve("t.jar"), sqlite);

        assertEquals(List.of("org/sqlite/core/NativeDB.class", "org/sqlite/native/", "org/sqlite/native/Linux/",
                "org/sqlite/native/Linux/x86_64/", "org/sqlite/native/Linux/x86_64/libsqlitejdbc.so"), names(dir.resolve("t.jar")));
    }

    @Test
    void classPackagesBesideJnaPlatformFoldersStay() throws IOException {
        NativeJarTrim.Rule jna = NativeLibraries.rules(HostPlatform.linux, "amd64").stream()
                .filter(r -> r.jarPrefix().equals("jna-")).findFirst().orElseThrow();
        Path jar = jar("jna-5.16.0.jar", "com/sun/jna/Native.class", "com/sun/jna/win32/W32APIOptions.class",
                "com/sun/jna/ptr/IntByReference.class", "com/sun/jna/linux-x86-64/libjnidispatch.so",
                "com/sun/jna/win32-x86-64/jnidispatch.dll", "com/sun/jna/darwin-aarch64/libjnidispatch.jnilib");

        NativeJarTrim.trim(jar, dir.resolve("t.jar"), jna);

        assertEquals(List.of("com/sun/jna/Native.class", "com/sun/jna/linux-x86-64/libjnidispatch.so",
                "com/sun/jna/ptr/IntByReference.class", "com/sun/jna/win32/W32APIOptions.class"), names(dir.resolve("t.jar")));
    }

    @Test
    void aJarWithoutTheKeptFolderFailsAndLeavesNoFile() throws IOException {
        Path bundle = jar("driver-bundle-2.0.0.jar", "driver/mac/node");
        Path trimmed = dir.resolve("trimmed.jar");

        IOException e = assertThrows(IOException.class, () -> NativeJarTrim.trim(bundle, trimmed, DRIVER));

        assertTrue(e.getMessage().contains("driver/[linux/]"), e.getMessage());
        assertFalse(Files.exists(trimmed));
    }

    @Test
    void aLibraryWithoutABuildForThePlatformLosesEveryNativeFolder() throws IOException {
        NativeJarTrim.Rule argon2 = NativeLibraries.rules(HostPlatform.windows, "aarch64").get(3);
        Path jar = jar("argon2-jvm-2.12.jar", "META-INF/MANIFEST.MF", "linux-x86-64/libargon2.so", "win32-x86-64/argon2.dll");

        NativeJarTrim.trim(jar, dir.resolve("t.jar"), argon2);

        assertEquals(List.of("META-INF/MANIFEST.MF"), names(dir.resolve("t.jar")));
    }

    @Test
    void rulesMatchJarsByTheirMavenFileName() {
        assertTrue(DRIVER.appliesTo(Path.of("lib/driver-bundle-1.49.0.jar")));
        assertFalse(DRIVER.appliesTo(Path.of("lib/driver-1.49.0.jar")));
        assertFalse(DRIVER.appliesTo(Path.of("lib/driver-bundle-1.49.0.pom")));
        NativeJarTrim.Rule argon2 = NativeLibraries.rules(HostPlatform.linux, "amd64").get(3);
        assertTrue(argon2.appliesTo(Path.of("argon2-jvm-2.12.jar")));
        assertFalse(argon2.appliesTo(Path.of("argon2-jvm-nolibs-2.12.jar")), "the JNA-only jar has no native folders");
    }

    private Path jar(String name, String... entries) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                if (!entry.endsWith("/")) {
                    zip.write(entry.getBytes(StandardCharsets.UTF_8));
                }
                zip.closeEntry();
            }
        }
        return jar;
    }

    static List<String> names(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName).sorted().toList();
        }
    }
}
