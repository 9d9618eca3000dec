package dev.keyward.vault.profile;

import dev.keyward.vault.VaultDamagedException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where Keyward keeps its files: an explicit folder, else {@code $KEYWARD_HOME}, else the
 * platform's per-user data folder.
 */
public record DataRoot(Path path) {

    /** Compiled on first use: the command line's agent client resolves a data root and never needs it. */
    private static final class ProfileIdPattern {
        static final Pattern PROFILE_ID =
                Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

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

    /**
     * The folder of the profile {@code profileId}. The id comes from files that may be hostile
     * (a header, a backup), so only the canonical UUID form is accepted, and the folder must lie
     * directly inside {@link #profilesFolder()}.
     *
     * @throws VaultDamagedException when the id is not a UUID: whatever file it came from was altered
     */
    public Path profileFolder(String profileId) {
        if (!isProfileId(profileId)) {
            throw new VaultDamagedException("A profile id read from a file is not a UUID, so the file was altered;"
                    + " nothing was read or written for it.");
        }
        Path folder = profilesFolder().resolve(profileId).normalize();
        if (!folder.getParent().equals(profilesFolder().normalize())) {
            throw new VaultDamagedException("A profile id read from a file points outside the profiles folder;"
                    + " nothing was read or written for it.");
        }
        return folder;
    }

    /** True for a profile id in canonical lowercase UUID form (what Keyward writes). */
    public static boolean isProfileId(String id) {
        return id != null && ProfileIdPattern.PROFILE_ID.matcher(id).matches();
    }

    public Path referenceLibraryFolder() {
        return path.resolve("reference_library");
    }
}
