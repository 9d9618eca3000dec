package dev.keyward.vault.db;

import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.Fact;
import dev.keyward.vault.OperationFailedException;
import dev.keyward.vault.VaultDamagedException;
import dev.keyward.vault.VaultErrorKind;
import dev.keyward.vault.VaultException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * An open, SQLCipher-encrypted {@code vault.db}: one writer connection used under a lock (so
 * transactions never meet {@code SQLITE_BUSY}) and a few reader connections, all in WAL mode
 * with foreign keys on and a busy timeout.
 *
 * <p>When the vault file or its folder cannot be written, the vault is opened read-only: reads work,
 * a write fails with SQLite's read-only error (reported as such), and {@link #isReadOnly()} lets the
 * audit log skip its entries. Once a damage signal was seen, or a {@linkplain #guardWrites write guard}
 * failed, nothing more is written, not even the checkpoint at close.
 */
public final class VaultDatabase implements AutoCloseable {

    static final int BUSY_TIMEOUT_MS = 15_000;
    public static final int CACHE_KIB = 16 * 1024;
    private static final int MAX_IDLE_READERS = 2;

    private final Path file;
    private final Supplier<String> rawKey;
    /**
     * Fair: a writer that commits and asks again at once (a bulk job's next batch) queues behind the
     * writers already waiting. Unfair, the job took the lock back before a waiting writer woke up, and
     * a setting saved during retention waited 67 s behind batches of 6 s (docs/performance.md).
     */
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final Deque<Connection> idleReaders = new ArrayDeque<>();
    private final boolean readOnly;
    /** The URI query that opens a read-only vault; empty when writable. */
    private final String uriQuery;
    private Connection writer;
    /**
     * The vault file, open for reading from before the first connection until after the last one closes.
     * POSIX drops every lock a process holds on a file when it closes any descriptor of that file: a
     * channel opened and closed beside SQLite's connections (to check pages, to copy the file) would drop
     * their shared lock, and another process closing the vault would then believe itself its last user,
     * delete the WAL and shared-memory index under this process and leave it reading stale data. So every
     * read of the file's bytes while the database is open goes through this channel.
     */
    private FileChannel held;
    /** The vault file's identity (device and inode) when it was opened; see {@link #isReplaced()}. */
    private Object openedFile;
    private volatile boolean closed;
    private volatile boolean damaged;
    private Runnable writeGuard;

    private VaultDatabase(Path file, Supplier<String> rawKey, boolean readOnly, String uriQuery) {
        this.file = file;
        this.rawKey = rawKey;
        this.readOnly = readOnly;
        this.uriQuery = uriQuery;
    }

    /**
     * Opens (or creates) the vault at {@code file} with SQLCipher's raw key syntax
     * {@code x'hex'}. Damage, tampering and a wrong key are all reported as damage here: the
     * key was already proven right by unwrapping it from the header.
     */
    public static VaultDatabase open(Path file, Supplier<String> rawKey) {
        Path folder = file.toAbsolutePath().getParent();
        boolean readOnly = Files.exists(file) && (!Files.isWritable(file) || !Files.isWritable(folder));
        Path wal = Path.of(file + "-wal");
        boolean logHoldsFrames = sizeOf(wal) > WalAuthenticator.HEADER_BYTES;
        // immutable=1 reads the main file alone, without the shared-memory index SQLite would have to
        // create beside it; exact only when no log holds frames that the main file lacks.
        String query = !readOnly ? "" : logHoldsFrames ? "?mode=ro" : "?immutable=1";
        VaultDatabase db = new VaultDatabase(file, rawKey, readOnly, query);
        try {
            db.writer = db.connect();
            try (Statement s = db.writer.createStatement()) {
                if (!readOnly) {
                    s.execute("PRAGMA journal_mode=WAL");
                }
                // Reading the schema makes SQLCipher authenticate page 1 now rather than later.
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_schema")) {
                    rs.next();
                }
            }
        } catch (SQLException e) {
            db.closeQuietly();
            if (readOnly && logHoldsFrames && !SqliteErrors.isCorruption(e)) {
                throw new OperationFailedException("The vault " + file + " is read-only (its folder " + folder
                        + " cannot be written), and its write-ahead log " + wal.getFileName() + " still holds changes"
                        + " that SQLite can read only with write access to that folder; nothing was changed. Open the"
                        + " profile once with write access, and it can be read from a read-only folder afterwards.", e);
            }
            throw translate(e, file);
        }
        try {
            // Opened once SQLite made the file (a new vault); only closing it early would drop a lock.
            db.held = FileChannel.open(file, StandardOpenOption.READ);
            db.openedFile = identity(file);
        } catch (java.io.IOException e) {
            db.closeQuietly();
            throw new OperationFailedException("Could not read the vault file " + file + "; nothing was changed.", e);
        }
        return db;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** Whether the vault was opened read-only because its file or folder cannot be written. */
    public boolean isReadOnly() {
        return readOnly;
    }

    /**
     * Runs {@code guard} once, before the first write of this database (and before migrations): a guard
     * that throws {@link VaultDamagedException} stops every later write and the checkpoint at close, so a
     * damaged vault is left exactly as it was found.
     */
    public synchronized void guardWrites(Runnable guard) {
        this.writeGuard = guard;
    }

    private void passWriteGuard() {
        if (damaged) {
            throw new VaultDamagedException("The vault " + file + " is damaged or was tampered with, so Keyward"
                    + " wrote nothing to it; restore the profile from a backup.");
        }
        Runnable guard;
        synchronized (this) {
            guard = writeGuard;
            writeGuard = null;
        }
        if (guard != null) {
            try {
                guard.run();
            } catch (VaultDamagedException e) {
                damaged = true;
                throw e;
            }
        }
    }

    private VaultException failure(SQLException e) {
        VaultException translated = translate(e, file);
        if (translated instanceof VaultDamagedException) {
            damaged = true;
        }
        return translated;
    }

    public Path file() {
        return file;
    }

    /** Opens a new connection with the vault key; used by migrations and by the readers. */
    Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("cipher", "sqlcipher");
        properties.setProperty("legacy", "4");
        properties.setProperty("key", rawKey.get());
        if (readOnly) {
            properties.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
        }
        Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + file + uriQuery, properties);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=" + BUSY_TIMEOUT_MS);
            s.execute("PRAGMA foreign_keys=ON");
            // FULL: a commit survives a power loss too, not only a crash of this process.
            s.execute("PRAGMA synchronous=FULL");
            // Every page read from disk is decrypted and its HMAC checked; a cache that holds a
            // working set of ~16 MiB keeps repeated reads from paying that again.
            s.execute("PRAGMA cache_size=-" + CACHE_KIB);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** Runs {@code work} in one transaction on the writer connection; all or nothing. */
    public <T> T write(SqlWork<T> work) {
        ensureOpen();
        writeLock.lock();
        try {
            passWriteGuard();
            Connection c = writer;
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } finally {
                // After a failure SQLite may already have rolled back; restoring auto-commit must then not
                // replace the first error (a damaged page) with a later one ("no transaction is active").
                rollbackQuietly(c);
                restoreAutoCommitQuietly(c);
            }
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Runs {@code work} while this process's writers wait. Migrations write through connections
     * of their own; without this, a job's commit between their read and their write makes SQLite
     * answer {@code SQLITE_BUSY} at once (the busy timeout does not apply to that case).
     */
    void whileWritersWait(Runnable work) {
        ensureOpen();
        writeLock.lock();
        try {
            passWriteGuard();
            work.run();
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs read-only {@code work} on a reader connection (a consistent WAL snapshot). */
    public <T> T read(SqlWork<T> work) {
        ensureOpen();
        Connection c = null;
        try {
            c = takeReader();
            c.setAutoCommit(false);
            try {
                return work.run(c);
            } finally {
                rollbackQuietly(c);
                restoreAutoCommitQuietly(c);
            }
        } catch (SQLException e) {
            closeConnectionQuietly(c);
            c = null;
            throw failure(e);
        } finally {
            if (c != null) {
                returnReader(c);
            }
        }
    }

    /**
     * SQLite's {@code PRAGMA data_version} of the writer connection: it differs from an earlier answer
     * exactly when another connection (another process, or a migration's own connection) committed in
     * between, never for this database's own writes. A read: it passes no write guard and writes nothing.
     */
    public long dataVersion() {
        ensureOpen();
        writeLock.lock();
        try (Statement s = writer.createStatement(); ResultSet rs = s.executeQuery("PRAGMA data_version")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * {@link #dataVersion()} unless this process is writing: empty then, without waiting for the writer (a
     * watch that polls looks again later; its own writes are not what it looks for).
     */
    public java.util.OptionalLong dataVersionIfIdle() {
        ensureOpen();
        if (!writeLock.tryLock()) {
            return java.util.OptionalLong.empty();
        }
        try (Statement s = writer.createStatement(); ResultSet rs = s.executeQuery("PRAGMA data_version")) {
            rs.next();
            return java.util.OptionalLong.of(rs.getLong(1));
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Whether the file at {@link #file()} is no longer the one this database opened: another process put a
     * new file in its place (a restore renames one over it) or removed it. This database's connections still
     * read and write the old file, which nothing else will see. A file-system look only, no SQLite.
     */
    public boolean isReplaced() {
        try {
            return !java.util.Objects.equals(identity(file), openedFile);
        } catch (java.io.IOException e) {
            return true; // gone (or unreadable): not the file this database reads
        }
    }

    /** The file's identity where the system gives one (device and inode on Unix), else its creation time. */
    private static Object identity(Path file) throws java.io.IOException {
        java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(file,
                java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        return a.fileKey() != null ? a.fileKey() : a.creationTime();
    }

    /** Folds the WAL into the main file and truncates it, so nothing is left only in the WAL. */
    public void checkpoint() {
        ensureOpen();
        if (readOnly) {
            return; // nothing can be folded into a file that cannot be written
        }
        writeLock.lock();
        try (Statement s = writer.createStatement()) {
            // Folding copies log frames that were authenticated at open; it needs no write guard, but
            // nothing is written once damage was seen.
            if (damaged) {
                return;
            }
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * The encrypted bytes of the whole vault as one consistent copy: the WAL is folded in and
     * writers wait while the file is read. The bytes stay SQLCipher-encrypted.
     */
    public byte[] encryptedSnapshot() {
        ensureOpen();
        writeLock.lock();
        try (Statement s = writer.createStatement()) {
            if (!readOnly) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            return readHeldFile();
        } catch (SQLException e) {
            throw failure(e);
        } catch (java.io.IOException e) {
            throw new OperationFailedException("Could not read the vault file " + file + " for a backup.", e);
        } finally {
            writeLock.unlock();
        }
    }

    /** The whole file's bytes, read through the held channel (see {@link #held}). */
    private byte[] readHeldFile() throws java.io.IOException {
        long size = held.size();
        if (size > Integer.MAX_VALUE - 8) {
            throw new java.io.IOException("the vault file is larger than one copy in memory can hold");
        }
        ByteBuffer bytes = ByteBuffer.allocate((int) size);
        while (bytes.hasRemaining()) {
            if (held.read(bytes, bytes.position()) < 0) {
                break; // shortened meanwhile: the copy ends where the file does
            }
        }
        return bytes.position() == bytes.capacity() ? bytes.array() : java.util.Arrays.copyOf(bytes.array(), bytes.position());
    }

    /** Page numbers (1-based) of the file whose HMAC does not match ({@link PageAuthenticator}), read through the held channel. */
    public List<Long> badPages(byte[] rawKey) throws java.io.IOException {
        ensureOpen();
        return PageAuthenticator.badPages(held, rawKey);
    }

    /** Throws {@link VaultDamagedException} when a page fails its authentication ({@link PageAuthenticator#requireAuthentic}). */
    public void requireAuthenticPages(byte[] rawKey) {
        PageAuthenticator.requireAuthentic(file, () -> badPages(rawKey));
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            // A file another process replaced is no longer the vault: nothing is folded into it.
            if (!damaged && !isReplaced()) {
                checkpoint();
            }
        } catch (VaultException e) {
            // Closing must not fail; the WAL is replayed at the next open.
        }
        closeQuietly();
    }

    public boolean isClosed() {
        return closed;
    }

    private synchronized Connection takeReader() throws SQLException {
        Connection c = idleReaders.pollFirst();
        return c != null ? c : connect();
    }

    private synchronized void returnReader(Connection c) {
        if (closed || idleReaders.size() >= MAX_IDLE_READERS) {
            closeConnectionQuietly(c);
        } else {
            idleReaders.addFirst(c);
        }
    }

    private synchronized void closeQuietly() {
        closed = true;
        idleReaders.forEach(VaultDatabase::closeConnectionQuietly);
        idleReaders.clear();
        closeConnectionQuietly(writer);
        if (held != null) {
            try {
                held.close(); // last: SQLite's connections are closed, so no lock of theirs is dropped
            } catch (java.io.IOException ignored) {
                // A read-only descriptor has nothing to flush.
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            // Closed with its session (lock and stop): the person unlocks again.
            throw new OperationFailedException(VaultErrorKind.PROFILE_LOCKED, ErrorFacts.NONE);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The connection is unusable anyway; the transaction did not commit.
        }
    }

    private static void restoreAutoCommitQuietly(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException ignored) {
            // The transaction ended either way; the connection is closed if it stays unusable.
        }
    }

    private static void closeConnectionQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // Nothing left to do for a connection that cannot close.
            }
        }
    }

    /** Maps a SQLite error onto the error a user can act on ({@link SqliteErrors}). */
    public static VaultException translate(SQLException e, Path file) {
        return SqliteErrors.translate(e, file);
    }
}
