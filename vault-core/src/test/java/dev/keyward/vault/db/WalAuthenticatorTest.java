package dev.keyward.vault.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.vault.VaultDamagedException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write-ahead log check on logs left behind by a crash (the files copied while the vault is open,
 * as a kill leaves them).
 */
class WalAuthenticatorTest {

    private static final int ROWS = 12;

    @TempDir
    Path dir;

    private final byte[] key = HexFormat.of().parseHex("0f".repeat(32));
    private final String rawKey = "x'" + "0f".repeat(32) + "'";

    /** Writes ROWS rows, one transaction each, and copies vault and log while the vault is still open. */
    private Path crashedVault(boolean restartLogFirst) throws Exception {
        Path live = Files.createDirectories(dir.resolve("live")).resolve("v.db");
        try (VaultDatabase db = VaultDatabase.open(live, () -> rawKey)) {
            db.write(c -> execute(c, "CREATE TABLE t (n INTEGER, x BLOB)"));
            if (restartLogFirst) {
                for (int i = 0; i < ROWS; i++) {
                    insert(db, -1 - i);
                }
                try (Connection c = db.connect(); Statement s = c.createStatement()) {
                    s.execute("PRAGMA wal_checkpoint(PASSIVE)");
                }
            }
            for (int i = 0; i < ROWS; i++) {
                insert(db, i);
            }
            Path crashed = Files.createDirectories(dir.resolve("crashed"));
            Files.copy(live, crashed.resolve("v.db"));
            Files.copy(Path.of(live + "-wal"), crashed.resolve("v.db-wal"));
            return crashed.resolve("v.db");
        }
    }

    private static void insert(VaultDatabase db, int n) {
        db.write(c -> execute(c, "INSERT INTO t VALUES (" + n + ", randomblob(3000))"));
    }

    private static Object execute(Connection c, String sql) throws java.sql.SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
        return null;
    }

    private long rowsSeenBySqlite(Path vault) {
        try (VaultDatabase db = VaultDatabase.open(vault, () -> rawKey)) {
            return db.read(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM t WHERE n >= 0")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
        }
    }

    private static Path wal(Path vault) {
        return Path.of(vault + "-wal");
    }

    private static int frames(Path vault) throws IOException {
        return (int) ((Files.size(wal(vault)) - WalAuthenticator.HEADER_BYTES) / WalAuthenticator.FRAME_BYTES);
    }

    private static int frameStart(int frame) {
        return WalAuthenticator.HEADER_BYTES + frame * WalAuthenticator.FRAME_BYTES;
    }

    @Test
    void aLogLeftByACrashIsIntactAndHoldsEveryTransaction() throws Exception {
        Path vault = crashedVault(false);

        assertTrue(frames(vault) >= ROWS, "the transactions are still in the log");
        assertEquals(List.of(), WalAuthenticator.problems(wal(vault), vault, key));
        assertEquals(ROWS, rowsSeenBySqlite(vault));
    }

    @Test
    void framesOfAnEarlierGenerationOfTheLogAreNoProblem() throws Exception {
        Path vault = crashedVault(true);
        ByteBuffer log = ByteBuffer.wrap(Files.readAllBytes(wal(vault)));
        int lastFrame = frames(vault) - 1;

        assertNotEquals(log.getInt(16), log.getInt(frameStart(lastFrame) + 8),
                "the log was restarted and still ends in frames with the earlier salt");
        assertEquals(List.of(), WalAuthenticator.problems(wal(vault), vault, key));
        assertEquals(ROWS, rowsSeenBySqlite(vault));
    }

    @Test
    void sqliteAloneSilentlyDropsTheTransactionsAfterADamagedFrame() throws Exception {
        Path vault = crashedVault(false);
        byte[] log = Files.readAllBytes(wal(vault));
        log[frameStart(frames(vault) - 1) + WalAuthenticator.FRAME_HEADER_BYTES + 100] ^= 1;
        Files.write(wal(vault), log);

        // Why the check exists: no error at all, the last transaction is simply gone.
        assertEquals(ROWS - 1, rowsSeenBySqlite(vault));
    }

    @Test
    void aFlippedByteAnywhereInTheLogIsFoundBeforeSqliteOpensIt() throws Exception {
        Path vault = crashedVault(false);
        byte[] original = Files.readAllBytes(wal(vault));
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < WalAuthenticator.HEADER_BYTES; i++) {
            offsets.add(i);
        }
        int frames = frames(vault);
        for (int frame : new int[] {0, frames / 2, frames - 1}) {
            for (int i = 0; i < WalAuthenticator.FRAME_HEADER_BYTES; i++) {
                offsets.add(frameStart(frame) + i);
            }
            for (int i : new int[] {0, 15, 16, 2048, 4015, 4016, 4095}) {
                offsets.add(frameStart(frame) + WalAuthenticator.FRAME_HEADER_BYTES + i);
            }
        }
        List<Integer> missed = new ArrayList<>();
        for (int offset : offsets) {
            byte[] copy = original.clone();
            copy[offset] ^= 0x40;
            Files.write(wal(vault), copy);
            if (WalAuthenticator.problems(wal(vault), vault, key).isEmpty()) {
                missed.add(offset);
            }
        }
        assertEquals(List.of(), missed, "flipped WAL offsets that were not found");
    }

    @Test
    void aDamagedLogIsRefusedAsDamageAndLeftAsItWas() throws Exception {
        Path vault = crashedVault(false);
        byte[] log = Files.readAllBytes(wal(vault));
        log[frameStart(0) + 3] ^= 1; // the page number of the first frame
        Files.write(wal(vault), log);

        VaultDamagedException damaged = assertThrows(VaultDamagedException.class,
                () -> WalAuthenticator.requireIntact(wal(vault), vault, key));
        assertEquals(5, damaged.exitCode());
        assertFalse(damaged.getMessage().contains("0f0f"), "no key material in the message");
        assertArrayEquals(log, Files.readAllBytes(wal(vault)));
    }

    /**
     * Commits ROWS rows, then copies vault and log while a transaction that spilled from a tiny page
     * cache is still open, as a kill part-way through a large import leaves them.
     */
    private Path vaultKilledDuringASpilledTransaction() throws Exception {
        Path live = Files.createDirectories(dir.resolve("live")).resolve("v.db");
        Path crashed = Files.createDirectories(dir.resolve("crashed")).resolve("v.db");
        try (VaultDatabase db = VaultDatabase.open(live, () -> rawKey)) {
            db.write(c -> execute(c, "CREATE TABLE t (n INTEGER, x BLOB)"));
            for (int i = 0; i < ROWS; i++) {
                insert(db, i);
            }
            RuntimeException killed = assertThrows(RuntimeException.class, () -> db.write(c -> {
                execute(c, "PRAGMA cache_size=8");
                for (int i = 0; i < 150; i++) {
                    execute(c, "INSERT INTO t VALUES (" + (-1 - i) + ", randomblob(3000))");
                }
                // Pages already spilled are changed again: SQLite rewrites their frames in place.
                execute(c, "UPDATE t SET x = randomblob(3000) WHERE n < 0");
                try {
                    Files.copy(live, crashed);
                    Files.copy(wal(live), wal(crashed));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                throw new IllegalStateException("killed");
            }));
            assertEquals("killed", killed.getMessage());
        }
        return crashed;
    }

    /** The first frame (1-based) where SQLite's checksum chain breaks; 0 when it never does. */
    private static int firstChecksumBreak(Path vault) throws IOException {
        ByteBuffer log = ByteBuffer.wrap(Files.readAllBytes(wal(vault)));
        byte[] bytes = log.array();
        boolean bigEndian = log.getInt(0) == 0x377f0683;
        int[] sum = WalAuthenticator.checksum(bigEndian, bytes, 0, 24, 0, 0);
        for (int frame = 0; frame < frames(vault); frame++) {
            int start = frameStart(frame);
            sum = WalAuthenticator.checksum(bigEndian, bytes, start, 8, sum[0], sum[1]);
            sum = WalAuthenticator.checksum(bigEndian, bytes, start + WalAuthenticator.FRAME_HEADER_BYTES,
                    PageAuthenticator.PAGE_SIZE, sum[0], sum[1]);
            if (sum[0] != log.getInt(start + 16) || sum[1] != log.getInt(start + 20)) {
                return frame + 1;
            }
        }
        return 0;
    }

    @Test
    void anUncommittedTransactionWithStaleChecksumsAtTheEndOfTheLogIsNoProblem() throws Exception {
        Path vault = vaultKilledDuringASpilledTransaction();

        int firstBreak = firstChecksumBreak(vault);
        assertTrue(firstBreak > ROWS && firstBreak < frames(vault),
                "the uncommitted tail has a frame rewritten in place (break at " + firstBreak + " of " + frames(vault) + ")");
        assertEquals(List.of(), WalAuthenticator.problems(wal(vault), vault, key));
        assertEquals(ROWS, rowsSeenBySqlite(vault), "SQLite discards the tail and keeps every commit");
    }

    @Test
    void aTornLastFrameAfterTheLastCommitIsNoProblem() throws Exception {
        Path vault = vaultKilledDuringASpilledTransaction();
        byte[] log = Files.readAllBytes(wal(vault));
        // The kill came between the two writes of the last frame: its page is only half there.
        int last = frameStart(frames(vault) - 1) + WalAuthenticator.FRAME_HEADER_BYTES;
        java.util.Arrays.fill(log, last + 2048, last + PageAuthenticator.PAGE_SIZE, (byte) 0);
        Files.write(wal(vault), log);

        assertEquals(List.of(), WalAuthenticator.problems(wal(vault), vault, key));
        assertEquals(ROWS, rowsSeenBySqlite(vault));
    }

    @Test
    void aLastCommitFrameWhoseCommitFieldWasZeroedIsDamage() throws Exception {
        Path vault = crashedVault(false);
        byte[] log = Files.readAllBytes(wal(vault));
        int last = frameStart(frames(vault) - 1);
        ByteBuffer frame = ByteBuffer.wrap(log, last, WalAuthenticator.FRAME_BYTES);
        assertTrue(frame.getInt(last + 4) != 0, "the log ends with a commit frame");
        frame.putInt(last + 4, 0);
        Files.write(wal(vault), log);

        assertEquals(ROWS - 1, rowsSeenBySqlite(copyOf(vault)), "SQLite alone drops the last transaction");
        List<String> problems = WalAuthenticator.problems(wal(vault), vault, key);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.getFirst().contains("ends a committed transaction"), problems.toString());
    }

    private Path copyOf(Path vault) throws IOException {
        Path copy = Files.createDirectories(dir.resolve("copy")).resolve("v.db");
        Files.copy(vault, copy);
        Files.copy(wal(vault), wal(copy));
        return copy;
    }

    @Test
    void noLogOrALogWithoutAWholeFrameIsNoProblem() throws Exception {
        Path vault = crashedVault(false);
        Files.write(wal(vault), new byte[WalAuthenticator.HEADER_BYTES + 100]);
        assertEquals(List.of(), WalAuthenticator.problems(wal(vault), vault, key));
        Files.delete(wal(vault));
        assertEquals(List.of(), WalAuthenticator.problems(wal(vault), vault, key));
    }
}
