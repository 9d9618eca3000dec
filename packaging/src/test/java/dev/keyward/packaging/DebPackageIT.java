package dev.keyward.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keyward.packaging.PackagedApp.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the .deb the profile built (skipped when only the app image was asked for) and runs
 * the launcher from its unpacked payload, which is exactly what dpkg installs under /opt.
 */
class DebPackageIT {

    private static final long SIZE_TARGET_BYTES = 150_000_000L;

    private static Path deb;

    @TempDir
    static Path unpacked;

    @BeforeAll
    static void unpack() throws Exception {
        assumeTrue(PackagedApp.PLATFORM == HostPlatform.linux, "a .deb is built on Linux only");
        try (Stream<Path> files = Files.list(PackagedApp.dest())) {
            deb = files.filter(f -> f.getFileName().toString().endsWith(".deb")).findFirst().orElse(null);
        }
        assumeTrue(deb != null, "no .deb built (keyward.package.types without deb)");
        dpkg("-x", deb.toString(), unpacked.resolve("root").toString());
        dpkg("-e", deb.toString(), unpacked.resolve("control").toString());
    }

    @Test
    void controlNamesThePackageAndItFitsTheSizeTarget() throws Exception {
        assertEquals("keyward", dpkg("-f", deb.toString(), "Package").strip());
        assertTrue(dpkg("-f", deb.toString(), "Depends").contains("libgtk-3-0 | libgtk-3-0t64"), "JavaFX needs GTK 3");
        long installedKib = Long.parseLong(dpkg("-f", deb.toString(), "Installed-Size").strip());
        assertTrue(installedKib * 1024 < SIZE_TARGET_BYTES, "installed size " + installedKib + " KiB");
        assertTrue(PackageBuild.treeSize(unpacked.resolve("root/opt/keyward")) < SIZE_TARGET_BYTES);
    }

    @Test
    void installedLauncherRunsFromOpt() throws Exception {
        Path launcher = unpacked.resolve("root/opt/keyward/bin/keyward");
        Result r = PackagedApp.run(List.of(launcher.toString(), "--version"), Map.of(), "");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Keyward "), r.out());
    }

    @Test
    void desktopEntryStartsTheLauncherWithTheKeywardIcon() throws IOException {
        Path lib = unpacked.resolve("root/opt/keyward/lib");
        String entry = Files.readString(lib.resolve("keyward-keyward.desktop"));
        assertTrue(entry.contains("\nName=Keyward\n"), entry);
        assertTrue(entry.contains("\nExec=/opt/keyward/bin/keyward\n"), entry);
        assertTrue(entry.contains("\nIcon=/opt/keyward/lib/keyward.png\n"), entry);
        assertTrue(entry.contains("\nCategories=Utility;Security;\n"), entry);
        assertTrue(Files.size(lib.resolve("keyward.png")) > 1000, "the icon is shipped");
    }

    @Test
    void maintainerScriptsRegisterTheMenuEntryAndTheKeywardCommand() throws IOException {
        String postinst = Files.readString(unpacked.resolve("control/postinst"));
        String prerm = Files.readString(unpacked.resolve("control/prerm"));
        assertTrue(postinst.contains("xdg-desktop-menu install"), postinst);
        assertTrue(postinst.contains("ln -sf \"/opt/keyward/bin/keyward\" /usr/bin/keyward"), postinst);
        assertTrue(prerm.contains("xdg-desktop-menu uninstall"), prerm);
        for (String script : List.of(postinst, prerm)) {
            assertFalse(script.matches("(?s).*\\b(APPLICATION_PACKAGE|DESKTOP_COMMANDS_\\w+|COMMON_SCRIPTS)\\b.*"),
                    "every placeholder filled in:\n" + script);
        }
    }

    private static String dpkg(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("dpkg-deb"));
        command.addAll(List.of(args));
        Result r = PackagedApp.run(command, Map.of(), "");
        assertEquals(0, r.code(), r.err());
        return r.out();
    }
}
