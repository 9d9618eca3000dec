package dev.keyward.vault.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.OperationFailedException;
import dev.keyward.vault.VaultDamagedException;
import dev.keyward.vault.VaultException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.junit.jupiter.api.io.TempDir;

/** Real SQLite errors, raised on a real vault, become sentences with facts: never an error number alone. */
class SqliteErrorsTest {

    private final String rawKey = "x'" + "2a".repeat(32) + "'";

    @TempDir
    Path dir;

    private VaultDatabase vault() {
        VaultDatabase db = VaultDatabase.open(dir.resolve("v.db"), () -> rawKey);
        db.write(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (n INTEGER PRIMARY KEY, name TEXT UNIQUE, x BLOB)");
            }
            return null;
        });
        return db;
    }

    private static void assertSentence(VaultException e) {
        assertTrue(e.getMessage().contains("nothing was changed") || e.getMessage().contains("Nothing was written"),
                e.getMessage());
        assertFalse(e.getMessage().matches(".*SQLite error \\d+.*"), e.getMessage());
    }

    /** Every result code SQLite has (and a code the driver does not know): a sentence, never the number. */
    @Test
    void everySqliteResultCodeIsASentenceWithoutItsNumber() {
        Path file = dir.resolve("v.db");
        List<SQLException> errors = new ArrayList<>();
        for (SQLiteErrorCode code : SQLiteErrorCode.values()) {
            errors.add(new SQLiteException("[" + code.name() + "] " + code.message, code));
        }
        errors.add(new SQLException("a driver error without a SQLite code", "HY000", 4242));
        for (SQLException error : errors) {
            VaultException e = SqliteErrors.translate(error, file);
            String message = e.getMessage();
            assertSentence(e);
            int number = error instanceof SQLiteException s ? s.getResultCode().code : error.getErrorCode();
            assertFalse(message.matches("(?s).*(?<![\\w/.-])" + number + "(?![\\w/.-]).*"), "the number " + number + " in: " + message);
            assertFalse(message.contains("SQLITE_") || message.contains("result code"), message);
        }
    }

    @Test
    void aFullDatabaseIsReportedAsAFullDiskWithTheFolder() {
        try (VaultDatabase db = vault()) {
            VaultException e = assertThrows(VaultException.class, () -> db.write(c -> {
                try (Statement s = c.createStatement()) {
                    // SQLite's own SQLITE_FULL, without filling a disk: the file may not grow past this.
                    s.execute("PRAGMA max_page_count = " + 8);
                    s.execute("INSERT INTO t (x) SELECT randomblob(100000)");
                }
                return null;
            }));
            assertInstanceOf(OperationFailedException.class, e);
            assertTrue(e.getMessage().contains("is full") && e.getMessage().contains(dir.toString()), e.getMessage());
            assertSentence(e);
        }
    }

    @Test
    void aDuplicateNameIsRefusedAsInput() {
        try (VaultDatabase db = vault()) {
            db.write(c -> c.createStatement().executeUpdate("INSERT INTO t (name) VALUES ('a')"));
            VaultException e = assertThrows(VaultException.class,
                    () -> db.write(c -> c.createStatement().executeUpdate("INSERT INTO t (name) VALUES ('a')")));
            assertInstanceOf(InvalidInputException.class, e);
            assertSentence(e);
        }
    }

    @Test
    void aDamagedPageIsDamageAndStopsLaterWrites() throws Exception {
        try (VaultDatabase db = vault()) {
            db.write(c -> c.createStatement().executeUpdate("INSERT INTO t (x) SELECT randomblob(20000)"));
            db.checkpoint();
        }
        Path file = dir.resolve("v.db");
        byte[] bytes = Files.readAllBytes(file);
        bytes[4096 + 100] ^= 1; // page 2: the table's root, which every query of it reads
        Files.write(file, bytes);
        try (VaultDatabase db = VaultDatabase.open(file, () -> rawKey)) {
            VaultException e = assertThrows(VaultException.class, () -> db.read(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeQuery("SELECT sum(n), max(x) FROM t").next();
                }
                return null;
            }));
            assertInstanceOf(VaultDamagedException.class, e);
            assertInstanceOf(VaultDamagedException.class, assertThrows(VaultException.class,
                    () -> db.write(c -> c.createStatement().executeUpdate("INSERT INTO t (name) VALUES ('b')"))));
        }
        assertTrue(java.util.Arrays.equals(bytes, Files.readAllBytes(file)), "nothing was written into the damaged file");
    }
}
