package dev.keyward.vault.db;

import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.OperationFailedException;
import dev.keyward.vault.VaultDamagedException;
import dev.keyward.vault.VaultException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The one place where a SQLite result code becomes an error a user can act on: each message states
 * what happened to which file, that nothing was changed, and what would let the operation succeed.
 * Never an error number alone; SQLite's own message is left out, as it can quote SQL.
 *
 * <p>Any corruption signal (SQLITE_CORRUPT, SQLITE_NOTADB, a short read of a page, a failed page
 * authentication of the cipher, "malformed") is reported as damage. A failed write is rolled back by
 * SQLite before the error reaches Keyward, so "nothing was changed" is a fact for every code here.
 */
public final class SqliteErrors {

    static final int ERROR = 1;
    static final int PERM = 3;
    static final int ABORT = 4;
    static final int BUSY = 5;
    static final int LOCKED = 6;
    static final int NOMEM = 7;
    static final int READONLY = 8;
    static final int INTERRUPT = 9;
    static final int IOERR = 10;
    static final int CORRUPT = 11;
    static final int FULL = 13;
    static final int CANTOPEN = 14;
    static final int PROTOCOL = 15;
    static final int SCHEMA = 17;
    static final int TOOBIG = 18;
    static final int CONSTRAINT = 19;
    static final int NOLFS = 22;
    static final int AUTH = 23;
    static final int NOTADB = 26;
    static final int IOERR_SHORT_READ = IOERR | (2 << 8);
    static final int IOERR_NOMEM = IOERR | (12 << 8);
    static final int READONLY_DBMOVED = READONLY | (4 << 8);
    static final int CONSTRAINT_UNIQUE = CONSTRAINT | (8 << 8);
    static final int CONSTRAINT_PRIMARYKEY = CONSTRAINT | (6 << 8);
    static final int CONSTRAINT_FOREIGNKEY = CONSTRAINT | (3 << 8);
    /** Below this much free space an I/O error while writing is taken to mean the disk is full. */
    private static final long NEARLY_FULL_BYTES = 1024 * 1024;

    private SqliteErrors() {
    }

    /** The extended result code of {@code e} (SQLite's primary code in the low byte). */
    static int resultCode(SQLException e) {
        if (e instanceof SQLiteException s && s.getResultCode() != null && s.getResultCode().code > 0) {
            return s.getResultCode().code;
        }
        return e.getErrorCode();
    }

    /** Whether {@code e} says the file's content is damaged (page authentication included). */
    public static boolean isCorruption(SQLException e) {
        int code = resultCode(e);
        int primary = code & 0xff;
        if (primary == CORRUPT || primary == NOTADB || code == IOERR_SHORT_READ) {
            return true;
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        // SQLite3MultipleCiphers reports a page whose HMAC fails as an error with such words.
        return message.contains("malformed") || message.contains("not a database") || message.contains("hmac")
                || message.contains("codec");
    }

    /** Maps {@code e}, raised while working on the vault {@code file}, onto the error a user reads. */
    public static VaultException translate(SQLException e, Path file) {
        if (isCorruption(e)) {
            return new VaultDamagedException("The vault " + file + " is damaged or was tampered with: SQLite found"
                    + " a page that fails its check. Nothing was written to it; restore the profile from a backup.", e);
        }
        int code = resultCode(e);
        Path folder = file.toAbsolutePath().getParent();
        return switch (code & 0xff) {
            case BUSY, LOCKED, PROTOCOL -> new OperationFailedException("The vault " + file
                    + " is in use by another Keyward process and stayed busy; nothing was changed."
                    + " Wait for the other process to finish, then try again.", e);
            case FULL -> diskFull(file, folder, e);
            case IOERR -> code == IOERR_NOMEM ? outOfMemory(e)
                    : freeBytes(folder) < NEARLY_FULL_BYTES ? diskFull(file, folder, e)
                    : new OperationFailedException("The disk holding " + file + " reported an input/output error;"
                    + " nothing was changed. The disk or its file system may be failing: check it, and keep a"
                    + " backup of the profile.", e);
            case READONLY -> code == READONLY_DBMOVED
                    ? new OperationFailedException("The vault file " + file + " was moved or deleted while it was"
                    + " open; nothing was changed.", e)
                    : readOnly(file, folder, e);
            case PERM, AUTH -> new OperationFailedException("The operating system refused access to the vault file "
                    + file + "; nothing was changed. The file and its folder must be readable and writable by"
                    + " the user running Keyward.", e);
            case CANTOPEN -> Files.isWritable(folder) || !Files.exists(folder)
                    ? new OperationFailedException("The vault file " + file + " could not be opened; nothing was"
                    + " changed. The folder " + folder + " and the files in it must be readable and writable by"
                    + " the user running Keyward.", e)
                    : readOnly(file, folder, e);
            case NOMEM -> outOfMemory(e);
            case TOOBIG -> new InvalidInputException("A value is larger than the vault can store in one row;"
                    + " nothing was changed.", e);
            case CONSTRAINT -> constraint(code, String.valueOf(e.getMessage()), e);
            case NOLFS -> new OperationFailedException("The file system holding " + file + " does not support"
                    + " files as large as the vault needs; nothing was changed.", e);
            case ABORT, INTERRUPT, SCHEMA -> new OperationFailedException("The vault operation on " + file
                    + " was interrupted before it finished; nothing was changed. Running it again is safe.", e);
            default -> new OperationFailedException("SQLite refused an operation on the vault " + file + " ("
                    + codeName(e) + "); nothing was changed.", e);
        };
    }

    /**
     * A duplicate or a dangling reference is the user's input meeting the vault's content (exit 2); any
     * other rule (a trigger keeping the audit log append-only, a CHECK) is refused as an operation.
     * The driver reports primary codes only, so SQLite's fixed wording tells the kinds apart.
     */
    private static VaultException constraint(int code, String message, SQLException e) {
        if (code == CONSTRAINT_UNIQUE || code == CONSTRAINT_PRIMARYKEY || message.contains("UNIQUE constraint")
                || message.contains("PRIMARY KEY")) {
            return new InvalidInputException("The change would duplicate a name or entry that must be unique in"
                    + " the vault; nothing was changed.", e);
        }
        if (code == CONSTRAINT_FOREIGNKEY || message.contains("FOREIGN KEY")) {
            return new InvalidInputException("The change refers to an entry that no longer exists, or removes one"
                    + " that others still refer to; nothing was changed.", e);
        }
        return new OperationFailedException("The vault refused the change because it breaks one of its rules (the"
                + " audit log, for one, can only grow); nothing was changed.", e);
    }

    private static VaultException diskFull(Path file, Path folder, SQLException e) {
        long free = freeBytes(folder);
        long needed = Math.max(sizeOf(file), 1024 * 1024);
        return new OperationFailedException("The disk holding " + folder + " is full (" + describe(free)
                + " free), so the vault could not be written; nothing was changed. Free at least "
                + describe(needed) + " on that disk (about the size of the vault).", e);
    }

    private static VaultException readOnly(Path file, Path folder, SQLException e) {
        return new OperationFailedException("The vault " + file + " is read-only (the file or its folder " + folder
                + " cannot be written), so nothing was changed. Changes need write access to that folder.", e);
    }

    private static VaultException outOfMemory(SQLException e) {
        return new OperationFailedException("SQLite ran out of memory while working on the vault; nothing was"
                + " changed. Close other programs and try again.", e);
    }

    /** SQLite's own words for the code ("data type mismatch"), never the number alone. */
    private static String codeName(SQLException e) {
        if (e instanceof SQLiteException s && s.getResultCode() != null && s.getResultCode() != SQLiteErrorCode.UNKNOWN_ERROR) {
            String words = s.getResultCode().message;
            // "Data type mismatch" reads as "(data type mismatch)"; "SQL error ..." keeps its capitals.
            boolean capitalisedWord = words.length() > 1 && Character.isLowerCase(words.charAt(1));
            return capitalisedWord ? Character.toLowerCase(words.charAt(0)) + words.substring(1) : words;
        }
        return "a reason SQLite did not name";
    }

    private static long freeBytes(Path folder) {
        try {
            return Files.getFileStore(folder).getUsableSpace();
        } catch (IOException | RuntimeException e) {
            return Long.MAX_VALUE; // unknown: do not claim the disk is full
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** A byte count in the unit a person reads at a glance. */
    static String describe(long bytes) {
        if (bytes == Long.MAX_VALUE) {
            return "an unknown amount";
        }
        if (bytes < 1024 * 1024) {
            return (bytes / 1024) + " KiB";
        }
        if (bytes < 1024L * 1024 * 1024) {
            return (bytes / (1024 * 1024)) + " MiB";
        }
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }
}
