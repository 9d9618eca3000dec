package dev.keyward.app.agent.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/**
 * Where the agent of a data root listens (docs/agent-protocol.md, "Where the socket is"):
 * {@code $XDG_RUNTIME_DIR/keyward/} when that is a folder of this user, else {@code <data root>/run/};
 * in it {@code agent-<first 16 hex digits of SHA-256 of the data root's absolute, normalised path>.sock}.
 */
public final class AgentSocket {

    private AgentSocket() {
    }

    /** The socket path for {@code dataRoot} (absolute and normalised, as {@code DataRoot} resolves it). */
    public static Path of(Path dataRoot, Map<String, String> env) {
        Path root = dataRoot.toAbsolutePath().normalize();
        return folder(root, env).resolve("agent-" + id(root) + ".sock");
    }

    /** The folder the socket is in. */
    static Path folder(Path dataRoot, Map<String, String> env) {
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank()) {
            Path folder = Path.of(runtime);
            if (folder.isAbsolute() && ownedByThisUser(folder)) {
                return folder.resolve("keyward");
            }
        }
        return dataRoot.resolve("run");
    }

    /** The first 16 hex digits of the SHA-256 of the path's text (UTF-8). */
    static String id(Path dataRoot) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(dataRoot.toString().getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(16);
            for (int i = 0; i < 8; i++) {
                hex.append(Character.forDigit((hash[i] >> 4) & 0xf, 16)).append(Character.forDigit(hash[i] & 0xf, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static boolean ownedByThisUser(Path folder) {
        try {
            return Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
                    && Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
