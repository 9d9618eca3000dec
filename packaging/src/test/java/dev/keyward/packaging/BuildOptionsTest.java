package dev.keyward.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildOptionsTest {

    private static BuildOptions parse(String version, String appVersion, String types, String extra) {
        return BuildOptions.parse("--input=in", "--main-jar=app.jar", "--version=" + version, "--app-version=" + appVersion,
                "--resources=res", "--work=work", "--dest=out", "--types=" + types, "--installer-options=" + extra);
    }

    @Test
    void emptyOverridesFromUnsetMavenPropertiesMeanDefaults() {
        BuildOptions options = parse("0.1.0-SNAPSHOT", "", "auto", "");
        assertEquals(Path.of("in"), options.input());
        assertEquals("0.1.0", options.appVersion(HostPlatform.linux));
        assertEquals(List.of("deb"), options.installerTypes(HostPlatform.linux));
        assertEquals(List.of("msi"), options.installerTypes(HostPlatform.windows));
        assertEquals(List.of(), options.installerOptions());
    }

    @Test
    void explicitTypesAndInstallerOptionsAreSplit() {
        BuildOptions options = parse("0.1.0", "2.0.1", "app-image, deb,rpm", "--mac-sign  --mac-app-store");
        assertEquals(List.of("deb", "rpm"), options.installerTypes(HostPlatform.linux));
        assertEquals(List.of(), parse("0.1.0", "", "app-image", "").installerTypes(HostPlatform.linux));
        assertEquals("2.0.1", options.appVersion(HostPlatform.mac));
        assertEquals(List.of("--mac-sign", "--mac-app-store"), options.installerOptions());
    }

    @Test
    void quotedInstallerOptionsKeepTheirSpaces() {
        BuildOptions options = parse("1.0.0", "", "auto",
                "--mac-sign --mac-signing-key-user-name 'Jane Doe (ABCDE12345)' --mac-app-category \"developer tools\"");
        assertEquals(List.of("--mac-sign", "--mac-signing-key-user-name", "Jane Doe (ABCDE12345)", "--mac-app-category",
                "developer tools"), options.installerOptions());
        assertThrows(IllegalArgumentException.class, () -> parse("1.0.0", "", "auto", "--mac-sign 'open"));
    }

    @Test
    void macRefusesAZeroMajorVersionWithTheWayOut() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("0.1.0-SNAPSHOT", "", "auto", "").appVersion(HostPlatform.mac));
        assertTrue(e.getMessage().contains("-Dkeyward.package.version="), e.getMessage());
    }

    @Test
    void nonNumericVersionsAndMissingOptionsAreNamed() {
        assertThrows(IllegalArgumentException.class, () -> parse("1.0", "1.0-beta", "auto", "").appVersion(HostPlatform.linux));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> BuildOptions.parse("--input=in"));
        assertTrue(missing.getMessage().contains("--main-jar"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BuildOptions.parse("--input", "in"));
    }
}
