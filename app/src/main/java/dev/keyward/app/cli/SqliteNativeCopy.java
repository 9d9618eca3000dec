package dev.keyward.app.cli;

import dev.keyward.vault.profile.DataRoot;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.OSInfo;

/**
 * Points the SQLite JDBC driver at a copy of its native library kept on disk between runs.
 *
 * <p>Left alone, the driver (sqlite-jdbc 3.40.1.0) writes its library into the temporary folder
 * under a new random name on every start, reads it back to compare it with the jar's copy, loads it
 * and deletes it at exit: about 1 MB written and 2 MB read before the first query of every command.
 * The driver first tries the folder in {@code org.sqlite.lib.path} (file {@code org.sqlite.lib.name}),
 * so this unpacks the library once into {@code <folder>/sqlite-jdbc/<platform>-<crc>-<size>/} and
 * sets those two properties. The folder name carries the jar entry's CRC, so another driver version
 * gets its own copy. Anything unexpected leaves the properties unset: the driver then unpacks the
 * library itself, as before.
 */
public final class SqliteNativeCopy {

    /** Folder for the copy; the {@code ./keyward} launcher sets it under the build output. */
    static final String FOLDER_PROPERTY = "keyward.native.dir";

    private SqliteNativeCopy() {
    }

    /** Sets the driver's library properties to the kept copy, unpacking it first when needed. */
    public static void useKeptCopy(Map<String, String> env) {
        if (System.getProperty("org.sqlite.lib.path") != null || Boolean.getBoolean("sqlite.purejava")) {
            return;
        }
        try {
            String configured = System.getProperty(FOLDER_PROPERTY);
            Path folder = configured != null && !configured.isBlank()
                    ? Path.of(configured)
                    : DataRoot.resolve(null, env).path().resolve("native");
            Path kept = keptCopy(folder);
            if (kept != null) {
                System.setProperty("org.sqlite.lib.path", kept.getParent().toString());
                System.setProperty("org.sqlite.lib.name", kept.getFileName().toString());
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            // Not worth failing a command for: the driver unpacks its own copy as it always did.
        }
    }

    /** The kept copy of this platform's library under {@code folder}, or null when there is none to keep. */
    static Path keptCopy(Path folder) throws IOException {
        String platform = OSInfo.getNativeLibFolderPathForCurrentOS();
        String name = System.mapLibraryName("sqlitejdbc");
        if (name.endsWith(".dylib")) {
            name = name.replace(".dylib", ".jnilib"); // the name the driver looks for on macOS
        }
        URL resource = SQLiteJDBCLoader.class.getResource("/org/sqlite/native/" + platform + "/" + name);
        if (resource == null) {
            return null;
        }
        URLConnection connection = resource.openConnection();
        if (!(connection instanceof JarURLConnection jar)) {
            return null;
        }
        connection.setUseCaches(false);
        JarEntry entry = jar.getJarEntry();
        long size = entry.getSize();
        long crc = entry.getCrc();
        if (size < 0 || crc < 0) {
            return null;
        }
        Path dir = folder.resolve("sqlite-jdbc").resolve(platform.replace('/', '-') + "-" + Long.toHexString(crc) + "-" + size);
        Path kept = dir.resolve(name);
        if (Files.isRegularFile(kept) && Files.size(kept) == size) {
            return kept;
        }
        Files.createDirectories(dir);
        Path part = Files.createTempFile(dir, name, ".part");
        try {
            try (InputStream in = connection.getInputStream()) {
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            }
            if (crcOf(part) != crc) {
                return null;
            }
            try {
                Files.move(part, kept, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException | java.nio.file.AccessDeniedException e) {
                // Another process may have put its copy there first (Windows will not replace a loaded library).
                if (!(Files.isRegularFile(kept) && Files.size(kept) == size)) {
                    return null;
                }
            }
            return kept;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static long crcOf(Path file) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(Files.readAllBytes(file));
        return crc.getValue();
    }
}
