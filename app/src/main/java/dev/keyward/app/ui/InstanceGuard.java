package dev.keyward.app.ui;

import dev.keyward.vault.io.AtomicFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * One desktop app per data folder: the first start holds a lock file and listens on a loopback
 * port (written, with a random token, to a file only the owner can read); a second start finds
 * the lock taken, asks the first to bring its window forward, and ends.
 */
public final class InstanceGuard implements AutoCloseable {

    static final String LOCK_FILE = "desktop.lock";
    static final String PORT_FILE = "desktop.port";
    private static final String SHOW = "show";

    private final FileChannel channel;
    private final FileLock lock;
    private final ServerSocket server;
    private final Path portFile;

    private InstanceGuard(FileChannel channel, FileLock lock, ServerSocket server, Path portFile) {
        this.channel = channel;
        this.lock = lock;
        this.server = server;
        this.portFile = portFile;
    }

    /**
     * Claims {@code dataFolder} for this process and runs {@code onShowRequest} (on a background
     * thread) whenever a later start asks; returns null when another instance holds the folder
     * (it has then been asked to come forward).
     */
    public static InstanceGuard claim(Path dataFolder, Runnable onShowRequest) throws IOException {
        Files.createDirectories(dataFolder);
        Path portFile = dataFolder.resolve(PORT_FILE);
        FileChannel channel = FileChannel.open(dataFolder.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this very process (a second guard in the same JVM)
        }
        if (lock == null) {
            channel.close();
            signalRunningInstance(portFile);
            return null;
        }
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        AtomicFiles.write(portFile, (server.getLocalPort() + " " + token + "\n").getBytes(StandardCharsets.US_ASCII));
        InstanceGuard guard = new InstanceGuard(channel, lock, server, portFile);
        Thread listener = new Thread(() -> guard.listen(token, onShowRequest), "keyward-instance-listener");
        listener.setDaemon(true);
        listener.start();
        return guard;
    }

    private void listen(String token, Runnable onShowRequest) {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setSoTimeout(2000);
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                String line = in.readLine();
                if ((SHOW + " " + token).equals(line)) {
                    onShowRequest.run();
                }
            } catch (IOException e) {
                // A closed server ends the loop; a bad client is ignored.
            }
        }
    }

    /** Asks the instance holding the folder to show its window; false when it could not be reached. */
    static boolean signalRunningInstance(Path portFile) {
        // The first instance may still be writing its port file: retry briefly.
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                String[] parts = Files.readString(portFile, StandardCharsets.US_ASCII).trim().split(" ");
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(parts[0]))) {
                    OutputStream out = s.getOutputStream();
                    out.write((SHOW + " " + parts[1] + "\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    return true;
                }
            } catch (IOException | RuntimeException e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
        try {
            Files.deleteIfExists(portFile);
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // The OS drops the lock with the process.
        }
    }
}
