package dev.keyward.vault.db;

import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.Fact;
import dev.keyward.vault.OperationFailedException;
import dev.keyward.vault.VaultDamagedException;
import dev.keyward.vault.VaultErrorKind;
import dev.keyward.vault.VaultException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * An open, SQLCipher-encrypted {@code vault.db}: one writer connection used under a lock (so
 * transactions never meet {@code SQLITE_BUSY}) and a few reader connections, all in WAL mode
 * with foreign keys on and a busy timeout.
 */
public final class VaultDatabase implements AutoCloseable {

    static final int BUSY_TIMEOUT_MS = 15_000;
    public static final int CACHE_KIB = 16 * 1024;
    private static final int MAX_IDLE_READERS = 2;

    private final Path file;
    private final Supplier<String> rawKey;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Deque<Connection> idleReaders = new ArrayDeque<>();
    private Connection writer;
    private volatile boolean closed;

    private VaultDatabase(Path file, Supplier<String> rawKey) {
        this.file = file;
        this.rawKey = rawKey;
    }

    /**
     * Opens (or creates) the vault at {@code file} with SQLCipher's raw key syntax
     * {@code x'hex'}. Damage, tampering and a wrong key are all reported as damage here: the
     * key was already proven right by unwrapping it from the header.
     */
    public static VaultDatabase open(Path file, Supplier<String> rawKey) {
        VaultDatabase db = new VaultDatabase(file, rawKey);
        try {
            db.writer = db.connect();
            try (Statement s = db.writer.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                // Reading the schema makes SQLCipher authenticate page 1 now rather than later.
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_schema")) {
                    rs.next();
                }
            }
        } catch (SQLException e) {
            db.closeQuietly();
            throw translate(e, file);
        }
        return db;
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
        Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + file, properties);
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
            Connection c = writer;
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw translate(e, file);
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
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            closeConnectionQuietly(c);
            c = null;
            throw translate(e, file);
        } finally {
            if (c != null) {
                returnReader(c);
            }
        }
    }

    /** Folds the WAL into the main file and truncates it, so nothing is left only in the WAL. */
    public void checkpoint() {
        ensureOpen();
        writeLock.lock();
        try (Statement s = writer.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            throw translate(e, file);
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
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            return java.nio.file.Files.readAllBytes(file);
        } catch (SQLException e) {
            throw translate(e, file);
        } catch (java.io.IOException e) {
            throw new OperationFailedException("Could not read the vault file " + file + " for a backup.", e);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            checkpoint();
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
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the vault database is closed");
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The connection is unusable anyway; the transaction did not commit.
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

    /** Maps SQLite's error codes onto the errors a user can act on. */
    public static VaultException translate(SQLException e, Path file) {
        int code = e.getErrorCode() & 0xff;
        return switch (code) {
            case 11, 26 -> new VaultDamagedException(VaultErrorKind.VAULT_PAGE_DAMAGED,
                    ErrorFacts.of(Fact.PATH, file.getFileName()), e);
            case 5, 6 -> new OperationFailedException(
                    "The vault is busy in another Keyward process. Wait a moment and try again.", e);
            case 13 -> new OperationFailedException("The disk is full, so the vault could not be written. "
                    + "Free some space and try again; nothing was changed.", e);
            case 8, 14 -> new OperationFailedException("The vault file could not be opened for writing ("
                    + file + "). Check the folder's permissions.", e);
            default -> new OperationFailedException(VaultErrorKind.DATABASE_FAILED, ErrorFacts.of(Fact.CODE, code), e);
        };
    }
}
