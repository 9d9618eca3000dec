package dev.keyward.app.agent.protocol;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;

/**
 * Where the agent of a data root listens: {@code $XDG_RUNTIME_DIR/keyward/} when that variable names a
 * folder owned by this user, else {@code <data root>/run/}; the file is {@code agent-<id>.sock}, the id
 * being the first 16 hex digits of the SHA-256 of the data root's absolute, normalised path.
 *
 * @param folder the socket's folder (mode 0700 once the server made it)
 * @param socket the socket file
 */
public record AgentSocketPath(Path folder, Path socket) {

    /** The socket path for {@code dataRoot}, with {@code env} the process environment. */
    public static AgentSocketPath of(Path dataRoot, Map<String, String> env) {
        Path root = dataRoot.toAbsolutePath().normalize();
        Path folder = runtimeFolder(env).orElse(root.resolve("run"));
        return new AgentSocketPath(folder, folder.resolve("agent-" + id(root) + ".sock"));
    }

    private static java.util.Optional<Path> runtimeFolder(Map<String, String> env) {
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime == null || runtime.isBlank()) {
            return java.util.Optional.empty();
        }
        Path dir = Path.of(runtime);
        try {
            if (dir.isAbsolute() && Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                    && Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"))) {
                return java.util.Optional.of(dir.resolve("keyward"));
            }
        } catch (java.io.IOException | UnsupportedOperationException e) {
            // An unreadable runtime folder is no place for the socket; the data root's folder is.
        }
        return java.util.Optional.empty();
    }

    private static String id(Path root) {
        // Not MessageDigest: see Sha256 (the client's start-up).
        byte[] digest = Sha256.digest(root.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 8);
    }
}
