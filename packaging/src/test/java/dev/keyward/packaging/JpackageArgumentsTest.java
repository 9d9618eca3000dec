package dev.keyward.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JpackageArgumentsTest {

    private static PackageSpec spec(HostPlatform platform, List<String> installerOptions) {
        return new PackageSpec(platform, "1.2.3", Path.of("in"), "app-1.2.3.jar", Path.of("rt"), Path.of("icons"),
                Path.of("res"), Path.of("out"), List.of("--enable-native-access=ALL-UNNAMED", "-Xss2m"), installerOptions);
    }

    /** The value following {@code option}, or null when the option is absent. */
    private static String valueOf(List<String> args, String option) {
        int at = args.indexOf(option);
        return at < 0 ? null : args.get(at + 1);
    }

    @Test
    void appImageRunsTheAppMainClassFromTheInputJarsOnTheLinkedRuntime() {
        List<String> args = JpackageArguments.appImage(spec(HostPlatform.linux, List.of()));
        assertEquals("app-image", valueOf(args, "--type"));
        assertEquals("keyward", valueOf(args, "--name"));
        assertEquals("dev.keyward.app.Main", valueOf(args, "--main-class"));
        assertEquals("app-1.2.3.jar", valueOf(args, "--main-jar"));
        assertEquals(Path.of("rt").toString(), valueOf(args, "--runtime-image"));
        assertEquals(Path.of("icons", "keyward.png").toString(), valueOf(args, "--icon"));
        assertEquals(2, args.stream().filter("--java-options"::equals).count(), "one --java-options per option");
        assertTrue(args.contains("-Xss2m"));
    }

    @Test
    void linuxDebHasAMenuEntryInUtilitiesAndTheLinuxResourceFolder() {
        List<String> args = JpackageArguments.installer(spec(HostPlatform.linux, List.of()), "deb");
        assertEquals("deb", valueOf(args, "--type"));
        assertEquals(Path.of("out", "keyward").toString(), valueOf(args, "--app-image"));
        assertEquals(Path.of("res", "linux").toString(), valueOf(args, "--resource-dir"));
        assertEquals("keyward", valueOf(args, "--linux-package-name"));
        assertTrue(args.contains("--linux-shortcut"));
        assertEquals("Utility;Security;", valueOf(args, "--linux-menu-group"));
        assertEquals("libgtk-3-0 | libgtk-3-0t64", valueOf(args, "--linux-package-deps"), "JavaFX's GTK is not found by ldd");
    }

    @Test
    void windowsGetsAConsoleLauncherForTheCliAndAStableUpgradeCode() {
        PackageSpec windows = spec(HostPlatform.windows, List.of());
        List<String> image = JpackageArguments.appImage(windows);
        assertEquals("keyward-cli=" + Path.of("res", "windows", "keyward-cli.properties"), valueOf(image, "--add-launcher"));
        assertEquals(Path.of("icons", "keyward.ico").toString(), valueOf(image, "--icon"));
        List<String> msi = JpackageArguments.installer(windows, "msi");
        assertEquals(JpackageArguments.WINDOWS_UPGRADE_UUID, valueOf(msi, "--win-upgrade-uuid"));
        assertTrue(msi.containsAll(List.of("--win-menu", "--win-shortcut", "--win-dir-chooser")));
        assertFalse(msi.contains("--linux-shortcut"));
    }

    @Test
    void macBundleHasItsIdentifierAndInstallerOptionsAreAppendedToInstallersOnly() {
        PackageSpec mac = spec(HostPlatform.mac, List.of("--mac-sign", "--mac-signing-key-user-name", "Dev"));
        List<String> image = JpackageArguments.appImage(mac);
        assertEquals("dev.keyward.app", valueOf(image, "--mac-package-identifier"));
        assertEquals(Path.of("icons", "keyward.icns").toString(), valueOf(image, "--icon"));
        assertFalse(image.contains("--mac-sign"));
        List<String> dmg = JpackageArguments.installer(mac, "dmg");
        assertEquals(Path.of("out", "Keyward.app").toString(), valueOf(dmg, "--app-image"));
        assertEquals(List.of("--mac-sign", "--mac-signing-key-user-name", "Dev"), dmg.subList(dmg.size() - 3, dmg.size()));
    }
}
