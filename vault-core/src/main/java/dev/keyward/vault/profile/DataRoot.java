package dev.keyward.vault.profile;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Keyward keeps its files: an explicit folder, else {@code $KEYWARD_HOME}, else the
 * platform's per-user data folder.
 */
public record DataRoot(Path path) {

    public static DataRoot resolve(Path explicit, Map<String, String> env) {
        if (explicit != null) {
            return new DataRoot(explicit.toAbsolutePath().normalize());
        }
        String home = env.get("KEYWARD_HOME");
        if (home != null && !home.isBlank()) {
            return new DataRoot(Path.of(home).toAbsolutePath().normalize());
        }
        return new DataRoot(platformDefault(env));
    }

    private static Path platformDefault(Map<String, String> env) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path userHome = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return (appData != null ? Path.of(appData) : userHome.resolve("AppData/Roaming")).resolve("Keyward");
        }
        if (os.contains("mac")) {
            return userHome.resolve("Library/Application Support/Keyward");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : userHome.resolve(".local/share")).resolve("keyward");
    }

    public Path profilesFolder() {
        return path.resolve("profiles");
    }

    public Path profileFolder(String profileId) {
        return profilesFolder().resolve(profileId);
    }

    public Path referenceLibraryFolder() {
        return path.resolve("reference_library");
    }
}
