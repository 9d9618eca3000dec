package dev.keyward.automation.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.testing.SettableClock;
import dev.keyward.automation.testing.TestVault;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention killed with SIGKILL in the middle of a run (a real child JVM on a real vault) loses nothing:
 * every snapshot is still there or counted in a summary, and the next run ends with exactly the
 * summaries of a run that was never stopped.
 */
class RetentionKillTest {

    private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
    private static final String SUMMARIES = """
            SELECT summary_date, health_summary, collection_success_count, collection_failure_count,
                   usage_sample_count, health_counts_json, max_usage_percent, total_cost, cost_currency,
                   round(avg_usage_percent, 9) AS avg FROM dashboard_daily_summaries ORDER BY secret_id, summary_date""";

    @TempDir
    Path dir;

    @Test
    void aRunKilledMidwayLosesNothingAndTheNextRunEndsAsAnUnstoppedOne() throws Exception {
        SettableClock clock = new SettableClock(NOW);
        long total;
        try (TestVault vault = filled(dir.resolve("killed"), clock)) {
            total = vault.count("SELECT count(*) FROM dashboard_snapshots");
        }
        long leftAtKill = runAndKill(dir.resolve("killed"), total);

        try (TestVault vault = TestVault.open(dir.resolve("killed"), clock);
             TestVault reference = filled(dir.resolve("reference"), clock)) {
            long left = vault.count("SELECT count(*) FROM dashboard_snapshots");
            long summarised = vault.count("SELECT coalesce(sum(collection_success_count + collection_failure_count), 0)"
                    + " FROM dashboard_daily_summaries");
            assertTrue(left <= leftAtKill && left > 6 * 24, "killed in the middle of the run: " + left + " left");
            assertEquals(total, left + summarised, "every snapshot is either still there or counted in a summary");

            RetentionReport resumed = new RetentionJob(vault.session(), clock, RetentionJob.DEFAULT_BATCH).run();
            new RetentionJob(reference.session(), clock, RetentionJob.DEFAULT_BATCH).run();

            assertFalse(resumed.stopped());
            assertEquals(6 * 24, vault.count("SELECT count(*) FROM dashboard_snapshots"));
            List<Map<String, Object>> got = vault.rows(SUMMARIES);
            List<Map<String, Object>> expected = reference.rows(SUMMARIES);
            assertEquals(expected.size(), got.size());
            assertEquals(new HashSet<>(expected), new HashSet<>(got));
        }
    }

    private static TestVault filled(Path folder, SettableClock clock) {
        TestVault vault = TestVault.create(folder, clock);
        List<String> ids = GeneratedSnapshots.keys(vault.session(), "kill", 6, "practice-cloud");
        GeneratedSnapshots.snapshots(vault.session(), ids, 300, NOW.minus(Duration.ofHours(1)), Duration.ofMinutes(37), 7,
                true);
        return vault;
    }

    /** Runs retention in a child JVM and kills it once some snapshots went; how many it last saw left. */
    private long runAndKill(Path dataDir, long total) throws Exception {
        Path libraries = Files.createDirectories(dir.resolve("native"));
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElseThrow(),
                "-XX:TieredStopAtLevel=1", "-Xmx256m", "--enable-native-access=ALL-UNNAMED",
                // A killed JVM never removes the native library it unpacked; keep it in the test's folder.
                "-Dorg.sqlite.tmpdir=" + libraries,
                "-cp", System.getProperty("java.class.path"),
                RetentionKillChild.class.getName(), dataDir.toString(), NOW.toString()));
        Process child = new ProcessBuilder(command).redirectError(dir.resolve("child-stderr.txt").toFile()).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                // The child was killed; the lines read so far are in the queue.
            }
        });
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line == null) {
                    assertTrue(child.isAlive() || !lines.isEmpty(), "the child ended early: "
                            + Files.readString(dir.resolve("child-stderr.txt")));
                    continue;
                }
                assertFalse(line.equals("finished"), "the run ended before the kill");
                long left = Long.parseLong(line.substring("left ".length()));
                if (left < total) {
                    child.destroyForcibly();
                    child.waitFor();
                    return left;
                }
            }
            throw new AssertionError("the child folded nothing in two minutes");
        } finally {
            child.destroyForcibly();
            child.waitFor();
            reader.join(10_000);
        }
    }
}
