package dev.keyward.packaging;

import java.util.List;
import java.util.Locale;

/** The operating systems Keyward is packaged for, and what the package looks like on each. */
public enum HostPlatform {
    linux, mac, windows;

    /** The platform a JVM reports through {@code os.name}. */
    public static HostPlatform of(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return windows;
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return mac;
        }
        if (os.contains("linux")) {
            return linux;
        }
        throw new IllegalArgumentException("Keyward is packaged for Linux, macOS and Windows only, not for '" + osName
                + "'; run the app from the build instead (./keyward).");
    }

    public static HostPlatform current() {
        return of(System.getProperty("os.name", ""));
    }

    /**
     * The folder under {@code driver/} in Playwright's driver-bundle jar that holds this platform's
     * Node.js and driver. Mirrors the choice Playwright 1.49's {@code DriverJar} makes at run time,
     * so the trimmed jar still contains the folder it will look for.
     */
    public String playwrightDriverFolder(String osArch) {
        boolean arm = "aarch64".equals(osArch.toLowerCase(Locale.ROOT));
        return switch (this) {
            case windows -> "win32_x64";
            case mac -> arm ? "mac-arm64" : "mac";
            case linux -> arm ? "linux-arm64" : "linux";
        };
    }

    /**
     * The application and launcher name: lower case on Linux, where the launcher doubles as the
     * {@code keyward} command and names the package and /opt folder; capitalised where users see
     * it as an application (Keyward.app, Start menu).
     */
    public String applicationName() {
        return this == linux ? "keyward" : "Keyward";
    }

    /** The installer formats built on this platform when none are asked for. */
    public List<String> installerTypes() {
        return switch (this) {
            case linux -> List.of("deb");
            case mac -> List.of("dmg");
            case windows -> List.of("msi");
        };
    }

    /** The icon file jpackage expects on this platform. */
    public String iconFileName() {
        return switch (this) {
            case linux -> "keyward.png";
            case mac -> "keyward.icns";
            case windows -> "keyward.ico";
        };
    }
}
