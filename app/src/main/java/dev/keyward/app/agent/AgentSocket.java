package dev.keyward.app.agent;

import dev.keyward.app.agent.protocol.AgentSocketPath;
import dev.keyward.vault.OperationFailedException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.UUID;

/**
 * The agent's listening socket: its folder made (or checked) private, a stale socket from a crash
 * replaced, a live one left alone, and the socket bound under a temporary name, made {@code 0600} and
 * renamed into place, so it is never reachable with wider permissions.
 */
final class AgentSocket implements AutoCloseable {

    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_SOCKET = PosixFilePermissions.fromString("rw-------");

    private final AgentSocketPath path;
    private final ServerSocketChannel channel;
    private final Object fileKey;

    private AgentSocket(AgentSocketPath path, ServerSocketChannel channel, Object fileKey) {
        this.path = path;
        this.channel = channel;
        this.fileKey = fileKey;
    }

    /** Binds at {@code path}; refused when another agent answers there or the folder is not private. */
    static AgentSocket bind(AgentSocketPath path) {
        Path folder = path.folder();
        try {
            privateFolder(folder);
            if (Files.exists(path.socket(), LinkOption.NOFOLLOW_LINKS)) {
                if (answers(path.socket())) {
                    throw new OperationFailedException("Another Keyward agent already serves this data folder (its socket is "
                            + path.socket() + ").");
                }
                Files.delete(path.socket()); // left by an agent that crashed: nobody answers on it
            }
            Path temporary = folder.resolve(".agent-" + UUID.randomUUID() + ".tmp");
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                server.bind(UnixDomainSocketAddress.of(temporary), 16);
                Files.setPosixFilePermissions(temporary, OWNER_ONLY_SOCKET);
                Files.move(temporary, path.socket(), StandardCopyOption.ATOMIC_MOVE);
                Object key = Files.readAttributes(path.socket(), java.nio.file.attribute.BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS).fileKey();
                return new AgentSocket(path, server, key);
            } catch (IOException | RuntimeException e) {
                server.close();
                Files.deleteIfExists(temporary);
                throw e;
            }
        } catch (IOException e) {
            throw new OperationFailedException("Could not open the agent's socket in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static void privateFolder(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(folder.getParent());
            try {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
            } catch (FileAlreadyExistsException raced) {
                // Made by another start at the same moment: checked below like any existing folder.
            }
            Files.setPosixFilePermissions(folder, OWNER_ONLY_FOLDER); // the umask may have narrowed, never widened, it
        }
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
                || !Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"))
                || !Files.getPosixFilePermissions(folder, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY_FOLDER)) {
            throw new OperationFailedException("The agent's folder " + folder + " is not a folder that only you can open "
                    + "(it must be yours, with permissions rwx------); the agent does not serve from it.");
        }
    }

    /** True when something accepts connections on {@code socket}. */
    static boolean answers(Path socket) {
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return probe.isConnected();
        } catch (IOException e) {
            return false;
        }
    }

    AgentSocketPath path() {
        return path;
    }

    /** Blocks until a client connects; throws once the socket is closed. */
    SocketChannel accept() throws IOException {
        return channel.accept();
    }

    /** Stops taking connections; the file stays until {@link #close()}. */
    void stopListening() {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing a listening socket does not fail in a way that leaves anything to do.
        }
    }

    /** Stops listening and removes the socket file, if it is still this socket's. */
    @Override
    public void close() {
        stopListening();
        try {
            Object key = Files.readAttributes(path.socket(), java.nio.file.attribute.BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS).fileKey();
            if (key != null && key.equals(fileKey)) {
                Files.deleteIfExists(path.socket());
            }
        } catch (IOException e) {
            // Gone already, or replaced by a newer agent whose file this one must not remove.
        }
    }
}
