package dev.keyward.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageBuildTest {

    @TempDir
    Path dir;

    @Test
    void unsafeMemoryAccessIsAllowedOnlyOnRuntimesThatKnowTheOption() {
        assertEquals(List.of("--enable-native-access=ALL-UNNAMED", "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
                "-XX:+UseSerialGC", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:-ShrinkHeapInSteps"),
                PackageBuild.javaOptions(21));
        assertEquals(List.of("--enable-native-access=ALL-UNNAMED", "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
                "-XX:+UseSerialGC", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:-ShrinkHeapInSteps",
                "--sun-misc-unsafe-memory-access=allow"),
                PackageBuild.javaOptions(25));
    }

    @Test
    void thePackagedLauncherGivesTheDesktopTheHeapOptionsOfTheSourceTreeLauncher() throws Exception {
        // The tray rest hands memory back only with these (TrayRest); the two launchers must not drift apart.
        String script = java.nio.file.Files.readString(Path.of("..").toAbsolutePath().normalize().resolve("keyward"));
        java.util.regex.Matcher desktop = java.util.regex.Pattern.compile("(?m)^desktop_jvm=\\((.*)\\)$").matcher(script);
        org.junit.jupiter.api.Assertions.assertTrue(desktop.find(), "./keyward defines desktop_jvm");
        for (String option : PackageBuild.HEAP_OPTIONS) {
            org.junit.jupiter.api.Assertions.assertTrue(desktop.group(1).contains(option), option + " in " + desktop.group(1));
        }
    }

    @Test
    void stagingCopiesJarsAndTrimsOnlyTheDriverBundle() throws IOException {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        zip(lib.resolve("app-0.1.0.jar"), "dev/keyward/app/Main.class", "driver/mac/not-a-driver");
        zip(lib.resolve("driver-bundle-1.49.0.jar"), "driver/linux/node", "driver/mac/node");
        Files.writeString(lib.resolve("notes.txt"), "not a jar");
        Path staged = dir.resolve("staged");

        PackageBuild.stage(lib, staged, NativeLibraries.rules(HostPlatform.linux, "amd64"));

        assertEquals(List.of("dev/keyward/app/Main.class", "driver/mac/not-a-driver"), names(staged.resolve("app-0.1.0.jar")));
        assertEquals(List.of("driver/linux/node"), names(staged.resolve("driver-bundle-1.49.0.jar")));
        assertFalse(Files.exists(staged.resolve("notes.txt")));
    }

    @Test
    void treeSizeAddsFileSizesAndDeleteRemovesTheTree() throws IOException {
        Path root = Files.createDirectories(dir.resolve("image/lib"));
        Files.write(root.resolve("a"), new byte[300]);
        Files.write(root.getParent().resolve("b"), new byte[45]);
        assertEquals(345, PackageBuild.treeSize(dir.resolve("image")));
        PackageBuild.deleteRecursively(dir.resolve("image"));
        assertFalse(Files.exists(dir.resolve("image")));
        PackageBuild.deleteRecursively(dir.resolve("image"));
        assertTrue(Files.isDirectory(dir));
    }

    private static void zip(Path jar, String... entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(1);
                zip.closeEntry();
            }
        }
    }

    private static List<String> names(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName).sorted().toList();
        }
    }
}
