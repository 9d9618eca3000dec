package dev.keyward.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The hand-written jpackage templates keep the placeholders jpackage fills in. */
class JpackageResourcesTest {

    private static final Path RESOURCES = Path.of("src/main/jpackage");

    @Test
    void desktopEntryLaunchesTheInstalledLauncherWithItsIcon() throws IOException {
        String entry = Files.readString(RESOURCES.resolve("linux/keyward.desktop"));
        assertTrue(entry.startsWith("[Desktop Entry]\n"));
        assertTrue(entry.contains("\nExec=APPLICATION_LAUNCHER\n"));
        assertTrue(entry.contains("\nIcon=APPLICATION_ICON\n"));
        assertTrue(entry.contains("\nCategories=DEPLOY_BUNDLE_CATEGORY\n"));
        assertTrue(entry.contains("\nTerminal=false\n"));
    }

    @Test
    void debScriptsRegisterTheDesktopEntryAndManageTheCommandLink() throws IOException {
        String postinst = Files.readString(RESOURCES.resolve("linux/postinst"));
        String prerm = Files.readString(RESOURCES.resolve("linux/prerm"));
        assertTrue(postinst.contains("\nDESKTOP_COMMANDS_INSTALL\n"));
        assertTrue(postinst.contains("ln -sf \"/opt/APPLICATION_PACKAGE/bin/keyward\" /usr/bin/keyward"));
        assertTrue(prerm.contains("\nDESKTOP_COMMANDS_UNINSTALL\n"));
        assertTrue(prerm.contains("\nDESKTOP_SCRIPTS\n"), "uninstall commands call functions from the desktop scripts");
        assertTrue(prerm.contains("rm -f /usr/bin/keyward"));
    }

    @Test
    void windowsCliLauncherHasAConsoleAndNoShortcuts() throws IOException {
        Properties cli = new Properties();
        try (Reader in = Files.newBufferedReader(RESOURCES.resolve("windows/keyward-cli.properties"))) {
            cli.load(in);
        }
        assertEquals("true", cli.getProperty("win-console"));
        assertEquals("false", cli.getProperty("win-shortcut"));
        assertEquals("false", cli.getProperty("win-menu"));
    }
}
