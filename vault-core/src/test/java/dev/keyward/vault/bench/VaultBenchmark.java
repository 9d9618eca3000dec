package dev.keyward.vault.bench;

import dev.keyward.vault.crypto.Argon2Params;
import dev.keyward.vault.crypto.Argon2idKdf;
import dev.keyward.vault.crypto.Password;
import dev.keyward.vault.db.VaultDatabase;
import dev.keyward.vault.profile.DataRoot;
import dev.keyward.vault.profile.ProfileSummary;
import dev.keyward.vault.session.ProfileService;
import dev.keyward.vault.session.VaultSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Measures the vault's figures for docs/performance.md in one run: Argon2id at the default
 * parameters (against the native argon2 CLI when installed), unlock split into KDF and
 * open+migrate for a vault of 10,000 secrets, and the same row workload on SQLCipher and on
 * plain SQLite. Run: {@code mvn -B -q -pl vault-core -am -Pbench verify}.
 */
public final class VaultBenchmark {

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("keyward-bench");
        System.out.println("# Keyward vault benchmark, " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        kdf();
        unlock(dir);
        encryptedVersusPlain(dir);
    }

    static void kdf() throws Exception {
        Argon2Params p = Argon2Params.DEFAULT;
        byte[] salt = new byte[16];
        byte[] pw = "benchmark-password".getBytes(StandardCharsets.UTF_8);
        long cold = time(() -> Argon2idKdf.derive(pw, salt, p));
        List<Long> warm = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            warm.add(time(() -> Argon2idKdf.derive(pw, salt, p)));
        }
        System.out.printf("argon2id %s %s: first call %d ms, then median %d ms%n", p, Argon2idKdf.implementation(), cold, median(warm));
        List<Long> java = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            java.add(time(() -> dev.keyward.vault.crypto.KdfBenchAccess.deriveJava(pw, salt, p)));
        }
        System.out.printf("argon2id %s BouncyCastle (the fallback), warm median %d ms%n", p, median(java));
        Path nativeArgon2 = Path.of("/usr/bin/argon2");
        if (Files.isExecutable(nativeArgon2)) {
            List<Long> nativeRuns = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                nativeRuns.add(time(() -> {
                    Process proc = new ProcessBuilder(nativeArgon2.toString(), "0123456789abcdef", "-id",
                            "-m", Integer.toString(Integer.numberOfTrailingZeros(p.memoryKib())), "-t",
                            Integer.toString(p.iterations()), "-p", Integer.toString(p.parallelism()), "-l", "32", "-r")
                            .redirectErrorStream(true).start();
                    proc.getOutputStream().write(pw);
                    proc.getOutputStream().close();
                    proc.getInputStream().readAllBytes();
                    proc.waitFor();
                }));
            }
            System.out.printf("argon2id %s native argon2 CLI (process included): median %d ms; ratio Keyward/native %.2f%n",
                    p, median(nativeRuns), (double) median(warm) / median(nativeRuns));
        } else {
            System.out.println("native argon2 CLI not installed (apt-get install argon2): no ratio");
        }
    }

    static void unlock(Path dir) throws Exception {
        ProfileService profiles = new ProfileService(new DataRoot(dir.resolve("unlock")), Clock.systemUTC(), Argon2Params.DEFAULT, "cli");
        ProfileSummary profile;
        try (Password pw = Password.copyOf("benchmark-password".toCharArray())) {
            profile = profiles.create("bench", pw).profile();
            try (VaultSession s = profiles.unlock(profile, pw)) {
                s.database().write(c -> {
                    for (int i = 0; i < 10_000; i++) {
                        s.secrets().addIn(c, "secret-" + i, ("value-" + i + "-abcdefghijklmnop").toCharArray(), null);
                    }
                    return null;
                });
            }
            List<Long> kdf = new ArrayList<>();
            List<Long> open = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                long t0 = System.nanoTime();
                byte[] pvk = profiles.unwrapKey(profile, pw);
                long t1 = System.nanoTime();
                try (VaultSession s = profiles.open(profile, pvk)) {
                    s.secrets().info("secret-9999");
                }
                long t2 = System.nanoTime();
                kdf.add((t1 - t0) / 1_000_000);
                open.add((t2 - t1) / 1_000_000);
            }
            System.out.printf("unlock, vault of 10,000 secrets: KDF median %d ms, open+migrate+first read median %d ms (runs %s)%n",
                    median(kdf), median(open), open);
        }
    }

    static void encryptedVersusPlain(Path dir) throws Exception {
        String key = "x'" + "ab".repeat(32) + "'";
        long[] enc = workload(() -> keyed(dir.resolve("enc.db"), key));
        long[] plain = workload(() -> DriverManager.getConnection("jdbc:sqlite:file:" + dir.resolve("plain.db")));
        String[] names = {"insert 100,000 rows (batches of 1,000)", "list all rows", "10,000 point lookups"};
        for (int i = 0; i < 3; i++) {
            System.out.printf("%s: SQLCipher %d ms, plain %d ms, ratio %.2f%n", names[i], enc[i], plain[i], (double) enc[i] / plain[i]);
        }
        long encTotal = Arrays.stream(enc).sum();
        long plainTotal = Arrays.stream(plain).sum();
        System.out.printf("whole workload: SQLCipher %d ms, plain %d ms, ratio %.2f%n", encTotal, plainTotal, (double) encTotal / plainTotal);
    }

    interface Opener {
        Connection open() throws SQLException;
    }

    static Connection keyed(Path file, String key) throws SQLException {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("cipher", "sqlcipher");
        p.setProperty("legacy", "4");
        p.setProperty("key", key);
        return DriverManager.getConnection("jdbc:sqlite:file:" + file, p);
    }

    /** The same statements Keyward uses: WAL, synchronous FULL, one transaction per batch. */
    static long[] workload(Opener opener) throws SQLException {
        long[] out = new long[3];
        try (Connection c = opener.open(); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA cache_size=-" + VaultDatabase.CACHE_KIB);
            s.execute("CREATE TABLE t (id TEXT PRIMARY KEY, profile_id TEXT NOT NULL, name TEXT NOT NULL, body BLOB NOT NULL)");
            s.execute("CREATE INDEX t_name ON t (profile_id, name)");
            Random random = new Random(42);
            long t0 = System.nanoTime();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, 'p', ?, ?)")) {
                for (int i = 0; i < 100_000; i++) {
                    byte[] body = new byte[64];
                    random.nextBytes(body);
                    ps.setString(1, "id-" + i);
                    ps.setString(2, "name-" + i);
                    ps.setBytes(3, body);
                    ps.addBatch();
                    if (i % 1000 == 999) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
            }
            c.setAutoCommit(true);
            out[0] = (System.nanoTime() - t0) / 1_000_000;
            t0 = System.nanoTime();
            long n = 0;
            try (ResultSet rs = s.executeQuery("SELECT id, name, body FROM t WHERE profile_id = 'p' ORDER BY name")) {
                while (rs.next()) {
                    n += rs.getBytes(3).length;
                }
            }
            out[1] = (System.nanoTime() - t0) / 1_000_000;
            t0 = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM t WHERE profile_id = 'p' AND name = ?")) {
                for (int i = 0; i < 10_000; i++) {
                    ps.setString(1, "name-" + random.nextInt(100_000));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        n += rs.getBytes(1).length;
                    }
                }
            }
            out[2] = (System.nanoTime() - t0) / 1_000_000;
            if (n == 0) {
                throw new IllegalStateException("nothing read");
            }
        }
        return out;
    }

    interface Work {
        void run() throws Exception;
    }

    static long time(Work work) throws Exception {
        long t0 = System.nanoTime();
        work.run();
        return (System.nanoTime() - t0) / 1_000_000;
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
