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

    @Test
    void noLogOrALogWithoutAWholeFrameIsNoProblem() throws Exception {
        Path vault = crashedVault(false);
        Files.write(wal(vault), new byte[WalAuthenticator.HEADER_BYTES + 100]);
        assertEquals(List.of(), WalAuthenticator.problems(wal(vault), vault, key));
        Files.delete(wal(vault));
        assertEquals(List.of(), WalAuthenticator.problems(wal(vault), vault, key));
    }
}
