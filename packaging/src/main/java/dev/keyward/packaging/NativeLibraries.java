package dev.keyward.packaging;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The jars with per-platform native code that Keyward ships, and the folders each one loads on
 * a given platform. The folder names mirror what each library computes at run time: Playwright's
 * {@code DriverJar}, SQLite JDBC's {@code OSInfo} and JNA's {@code Platform.RESOURCE_PREFIX}.
 */
public final class NativeLibraries {

    /** JNA's resource prefixes ({@code linux-x86-64}); JNA's own class packages ({@code win32}, {@code ptr}) have no dash. */
    private static final Pattern JNA_FOLDER =
            Pattern.compile("(aix|darwin|dragonflybsd|freebsd|linux|openbsd|sunos|win32)-[a-z0-9-]+");

    private NativeLibraries() {
    }

    /** The trim rules for {@code platform} on a JVM reporting {@code osArch}. */
    public static List<NativeJarTrim.Rule> rules(HostPlatform platform, String osArch) {
        boolean arm = isArm(osArch);
        Predicate<String> any = folder -> true;
        Predicate<String> jnaFolder = folder -> JNA_FOLDER.matcher(folder).matches();
        String jna = jnaPrefix(platform, arm);
        return List.of(
                new NativeJarTrim.Rule("driver-bundle-", "driver/", 1, any,
                        List.of(platform.playwrightDriverFolder(osArch) + "/")),
                new NativeJarTrim.Rule("sqlite-jdbc-", "org/sqlite/native/", 2, any, sqliteFolders(platform, arm)),
                new NativeJarTrim.Rule("jna-", "com/sun/jna/", 1, jnaFolder, List.of(jna + "/")),
                new NativeJarTrim.Rule("argon2-jvm-", "", 1, jnaFolder, argon2Folders(platform, arm, jna)));
    }

    private static boolean isArm(String osArch) {
        String arch = osArch.toLowerCase(Locale.ROOT);
        return arch.equals("aarch64") || arch.equals("arm64");
    }

    private static List<String> sqliteFolders(HostPlatform platform, boolean arm) {
        String arch = arm ? "aarch64" : "x86_64";
        return switch (platform) {
            // SQLite JDBC loads the musl build on musl-based distributions (Alpine): keep both.
            case linux -> List.of("Linux/" + arch + "/", "Linux-Musl/" + arch + "/");
            case mac -> List.of("Mac/" + arch + "/");
            case windows -> List.of("Windows/" + arch + "/");
        };
    }

    /**
     * argon2-jvm bundles libargon2 for most platforms but not Windows on ARM, where Keyward
     * derives keys with its BouncyCastle fallback: there every native folder goes.
     */
    private static List<String> argon2Folders(HostPlatform platform, boolean arm, String jnaPrefix) {
        return platform == HostPlatform.windows && arm ? List.of() : List.of(jnaPrefix + "/");
    }

    private static String jnaPrefix(HostPlatform platform, boolean arm) {
        return switch (platform) {
            case linux -> arm ? "linux-aarch64" : "linux-x86-64";
            case mac -> arm ? "darwin-aarch64" : "darwin-x86-64";
            case windows -> arm ? "win32-aarch64" : "win32-x86-64";
        };
    }
}
