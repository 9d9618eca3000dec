package dev.keyward.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HostPlatformTest {

    @Test
    void osNamesReportedByJvmsMapToTheirPlatform() {
        assertEquals(HostPlatform.linux, HostPlatform.of("Linux"));
        assertEquals(HostPlatform.mac, HostPlatform.of("Mac OS X"));
        assertEquals(HostPlatform.windows, HostPlatform.of("Windows 11"));
        assertThrows(IllegalArgumentException.class, () -> HostPlatform.of("SunOS"));
    }

    @Test
    void everyDriverFolderExistsInThePinnedPlaywrightBundle() {
        // The real driver-bundle jar is on the test class path (through the app's dependencies):
        // if Playwright renames a folder, the trimmed package would lose its driver.
        for (HostPlatform platform : HostPlatform.values()) {
            for (String arch : new String[] {"amd64", "aarch64"}) {
                String folder = platform.playwrightDriverFolder(arch);
                assertNotNull(getClass().getClassLoader().getResource("driver/" + folder + "/package/cli.js"),
                        "driver/" + folder + " in the driver bundle");
            }
        }
    }

    @Test
    void armMacsAndLinuxGetTheirOwnDriverWhileWindowsHasOne() {
        assertEquals("linux", HostPlatform.linux.playwrightDriverFolder("amd64"));
        assertEquals("linux-arm64", HostPlatform.linux.playwrightDriverFolder("aarch64"));
        assertEquals("mac-arm64", HostPlatform.mac.playwrightDriverFolder("aarch64"));
        assertEquals("win32_x64", HostPlatform.windows.playwrightDriverFolder("amd64"));
    }
}
