package dev.keyward.vault.fuzz;

import dev.keyward.vault.db.VaultDatabase;
import dev.keyward.vault.db.WalAuthenticator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Prints what the write-ahead log check adds to an unlock after a crash: the time to check logs of
 * about 75 and 1,500 frames (docs/performance.md). Not a test; run it with exec:exec.
 */
public final class WalCheckBenchmark {

    private static final String HEX_KEY = "0f".repeat(32);

    private WalCheckBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        for (int transactions : new int[] {25, 500}) {
            Path vault = crashedVault(transactions);
            Path wal = Path.of(vault + "-wal");
            long frames = (Files.size(wal) - 32) / (24 + 4096);
            long best = Long.MAX_VALUE;
            for (int round = 0; round < 15; round++) {
                long start = System.nanoTime();
                List<String> problems = WalAuthenticator.problems(wal, vault, HexFormat.of().parseHex(HEX_KEY));
                best = Math.min(best, System.nanoTime() - start);
                if (!problems.isEmpty()) {
                    throw new AssertionError(problems);
                }
            }
            System.out.printf("WAL of %,d frames (%,d bytes): check takes %.1f ms (best of 15)%n", frames,
                    Files.size(wal), best / 1e6);
            try (Stream<Path> files = Files.walk(vault.getParent())) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** A vault with {@code transactions} committed inserts still in its WAL, copied while open. */
    private static Path crashedVault(int transactions) throws Exception {
        Path folder = Files.createTempDirectory("keyward-wal-bench");
        Path live = folder.resolve("live.db");
        try (VaultDatabase db = VaultDatabase.open(live, () -> "x'" + HEX_KEY + "'")) {
            db.write(c -> execute(c.createStatement(), "PRAGMA wal_autocheckpoint=0", "CREATE TABLE t (x BLOB)"));
            for (int i = 0; i < transactions; i++) {
                db.write(c -> execute(c.createStatement(), "INSERT INTO t VALUES (randomblob(3500))"));
            }
            Files.copy(live, folder.resolve("crashed.db"));
            Files.copy(Path.of(live + "-wal"), folder.resolve("crashed.db-wal"));
        }
        return folder.resolve("crashed.db");
    }

    private static Void execute(Statement statement, String... sql) throws java.sql.SQLException {
        try (statement) {
            for (String s : sql) {
                statement.execute(s);
            }
        }
        return null;
    }
}
