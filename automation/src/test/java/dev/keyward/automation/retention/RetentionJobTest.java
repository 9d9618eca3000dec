package dev.keyward.automation.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.dashboard.CollectionStatus;
import dev.keyward.automation.dashboard.HealthStatus;
import dev.keyward.automation.dashboard.store.DailySummaryRepository;
import dev.keyward.automation.dashboard.summary.DailySummary;
import dev.keyward.automation.dashboard.summary.DailySummaryFold;
import dev.keyward.automation.dashboard.summary.SnapshotRetention;
import dev.keyward.automation.dashboard.summary.SnapshotSample;
import dev.keyward.automation.dashboard.summary.SummaryKey;
import dev.keyward.automation.testing.SettableClock;
import dev.keyward.automation.testing.TestVault;
import dev.keyward.vault.io.Timestamps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention on generated data in a real vault: the fold, batch equivalence, resumption, every age rule, dry run. */
class RetentionJobTest {

    private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

    @TempDir
    Path dir;

    private static List<SnapshotSample> samples(TestVault vault, String secretId) {
        return vault.rows("""
                SELECT id, collected_at, collection_status, health_status, usage_stats_json
                  FROM dashboard_snapshots WHERE secret_id = ?""", secretId).stream()
                .map(r -> new SnapshotSample((String) r.get("id"), secretId, Timestamps.parse((String) r.get("collected_at")),
                        CollectionStatus.fromDbValue((String) r.get("collection_status")),
                        HealthStatus.fromDbValue((String) r.get("health_status")), (String) r.get("usage_stats_json")))
                .toList();
    }

    private static TestVault vaultWithSnapshots(Path folder, SettableClock clock, List<String> ids, int perKey) {
        TestVault vault = TestVault.create(folder, clock);
        ids.addAll(GeneratedSnapshots.keys(vault.session(), "key", 3, "practice-cloud"));
        GeneratedSnapshots.snapshots(vault.session(), ids, perKey, NOW.minus(Duration.ofHours(1)), Duration.ofMinutes(37), 42);
        return vault;
    }

    @Test
    void foldingKeepsTheNewest24PerKeyAndSummarisesTheRestExactly() {
        SettableClock clock = new SettableClock(NOW);
        List<String> ids = new ArrayList<>();
        try (TestVault vault = vaultWithSnapshots(dir, clock, ids, 300)) {
            Map<String, List<SnapshotSample>> before = new TreeMap<>();
            ids.forEach(id -> before.put(id, samples(vault, id)));

            RetentionReport report = new RetentionJob(vault.session(), clock, 7).run();

            DailySummaryRepository summaries = new DailySummaryRepository(vault.session().profileId());
            String providerId = vault.session().providers().get("practice-cloud").id();
            long folded = 0;
            for (String id : ids) {
                List<SnapshotSample> beyond = SnapshotRetention.beyondNewest(before.get(id), 24);
                folded += beyond.size();
                Set<String> kept = new HashSet<>(before.get(id).stream().map(SnapshotSample::snapshotId).toList());
                beyond.forEach(s -> kept.remove(s.snapshotId()));
                assertEquals(kept, new HashSet<>(samples(vault, id).stream().map(SnapshotSample::snapshotId).toList()),
                        "exactly the newest 24 remain");
                List<DailySummary> stored = vault.session().database().read(c -> summaries.forSecret(c, id));
                Map<LocalDate, List<SnapshotSample>> byDay = SnapshotRetention.byDay(beyond);
                assertEquals(byDay.keySet().stream().toList(), stored.stream().map(s -> s.key().day()).toList());
                for (DailySummary row : stored) {
                    DailySummary atOnce = DailySummaryFold.fold(Optional.empty(),
                            new SummaryKey(vault.session().profileId(), id, providerId, row.key().day()), byDay.get(row.key().day()));
                    assertSameSummary(atOnce, row);
                }
            }
            assertEquals(folded, report.count("dashboard_snapshots"));
            assertEquals(3 * 300 - folded, 3 * 24);
            assertEquals(1, vault.count("SELECT count(*) FROM audit_log WHERE category = 'retention' AND action = 'run'"));
        }
    }

    @Test
    void foldingADayInManySmallBatchesStoresWhatOneBigBatchStores() {
        SettableClock clock = new SettableClock(NOW);
        List<String> smallIds = new ArrayList<>();
        List<String> bigIds = new ArrayList<>();
        try (TestVault small = vaultWithSnapshots(dir.resolve("small"), clock, smallIds, 250);
             TestVault big = vaultWithSnapshots(dir.resolve("big"), clock, bigIds, 250)) {
            new RetentionJob(small.session(), clock, 3).run();
            new RetentionJob(big.session(), clock, 100_000).run();
            for (int k = 0; k < 3; k++) {
                String a = smallIds.get(k);
                String b = bigIds.get(k);
                List<DailySummary> inSmall = small.session().database().read(c ->
                        new DailySummaryRepository(small.session().profileId()).forSecret(c, a));
                List<DailySummary> inBig = big.session().database().read(c ->
                        new DailySummaryRepository(big.session().profileId()).forSecret(c, b));
                assertEquals(inBig.size(), inSmall.size());
                assertTrue(inBig.size() >= 3, "the data spans several days");
                for (int i = 0; i < inBig.size(); i++) {
                    DailySummary x = inSmall.get(i);
                    DailySummary y = inBig.get(i);
                    assertEquals(y.key().day(), x.key().day());
                    assertSameSummary(new DailySummary(x.key(), y.avgUsagePercent(), y.maxUsagePercent(), y.totalCost(),
                            y.costCurrency(), y.healthSummary(), y.collectionSuccessCount(), y.collectionFailureCount(),
                            y.usageSampleCount(), y.healthCountsJson()), x);
                }
            }
        }
    }

    @Test
    void aFewKeysWithLongBacklogsStillFillEachTransaction() {
        SettableClock clock = new SettableClock(NOW);
        List<String> ids = new ArrayList<>();
        try (TestVault vault = vaultWithSnapshots(dir, clock, ids, 300)) {
            RetentionJob job = new RetentionJob(vault.session(), clock, 100);
            RetentionReport report = job.run();

            assertEquals(3 * (300 - 24), report.count("dashboard_snapshots"));
            // 828 snapshots in transactions of at most 100 take 9; the six age rules take one each. Tiles
            // of 10 keys x 10 rows would have taken 28 with three keys.
            assertTrue(job.transactions() - 6 <= 10, job.transactions() + " transactions");
        }
    }

    @Test
    void anInterruptedRunLosesNothingAndTheNextRunFinishesTheJob() throws Exception {
        SettableClock clock = new SettableClock(NOW);
        List<String> ids = new ArrayList<>();
        List<String> referenceIds = new ArrayList<>();
        try (TestVault vault = vaultWithSnapshots(dir.resolve("a"), clock, ids, 300);
             TestVault reference = vaultWithSnapshots(dir.resolve("b"), clock, referenceIds, 300)) {
            long total = vault.count("SELECT count(*) FROM dashboard_snapshots");
            Thread runner = new Thread(() -> new RetentionJob(vault.session(), clock, 5).run());
            runner.start();
            while (runner.isAlive() && vault.count("SELECT count(*) FROM dashboard_snapshots") == total) {
                Thread.onSpinWait();
            }
            runner.interrupt();
            runner.join(60_000);
            long left = vault.count("SELECT count(*) FROM dashboard_snapshots");
            long summarised = vault.count("SELECT coalesce(sum(collection_success_count + collection_failure_count), 0)"
                    + " FROM dashboard_daily_summaries");
            assertEquals(total, left + summarised, "every snapshot is either still there or counted in a summary");

            RetentionReport resumed = new RetentionJob(vault.session(), clock, 5).run();
            new RetentionJob(reference.session(), clock, 5).run();

            assertFalse(resumed.stopped());
            assertEquals(3 * 24, vault.count("SELECT count(*) FROM dashboard_snapshots"));
            List<Map<String, Object>> got = vault.rows("""
                    SELECT summary_date, health_summary, collection_success_count, collection_failure_count,
                           usage_sample_count, health_counts_json, max_usage_percent, total_cost, cost_currency,
                           round(avg_usage_percent, 9) AS avg FROM dashboard_daily_summaries ORDER BY secret_id, summary_date""");
            List<Map<String, Object>> expected = reference.rows("""
                    SELECT summary_date, health_summary, collection_success_count, collection_failure_count,
                           usage_sample_count, health_counts_json, max_usage_percent, total_cost, cost_currency,
                           round(avg_usage_percent, 9) AS avg FROM dashboard_daily_summaries ORDER BY secret_id, summary_date""");
            // Both vaults hold the same generated data under different ids; secrets sort alike by generated name order.
            assertEquals(expected.size(), got.size());
            assertEquals(new HashSet<>(expected), new HashSet<>(got));
        }
    }

    @Test
    void everyAgeRuleRemovesOnlyWhatIsOlderThanItsPeriod() throws Exception {
        SettableClock clock = new SettableClock(NOW);
        try (TestVault vault = TestVault.create(dir, clock)) {
            String profile = vault.session().profileId();
            String secret = vault.addSecret("k", "pc_test_" + "q".repeat(30), "practice-cloud");
            String provider = vault.session().providers().get("practice-cloud").id();
            for (int daysAgo : new int[] {366, 400, 364, 10}) {
                String day = LocalDate.ofInstant(NOW, java.time.ZoneOffset.UTC).minusDays(daysAgo).toString();
                vault.execute("""
                        INSERT INTO dashboard_daily_summaries (id, profile_id, secret_id, provider_id, summary_date, health_summary)
                        VALUES (?, ?, ?, ?, ?, 'valid')""", "s" + daysAgo, profile, secret, provider, day);
            }
            for (int daysAgo : new int[] {91, 89}) {
                vault.execute("""
                        INSERT INTO discovery_findings (id, profile_id, provider_id, discovered_at, source_url, source_title,
                            source_snippet, category, impact_summary, action_recommendation, urgency, relevance_score, created_at)
                        VALUES (?, ?, ?, ?, 'https://example.test', 't', 's', 'deprecation', 'i', 'a', 'advisory', 0.5, ?)""",
                        "f" + daysAgo, profile, provider, ago(daysAgo), ago(daysAgo));
            }
            for (int daysAgo : new int[] {31, 29}) {
                vault.execute("""
                        INSERT INTO discovery_search_log (id, profile_id, provider_id, searched_at, trigger_type, status)
                        VALUES (?, ?, ?, ?, 'scheduled', 'success')""", "l" + daysAgo, profile, provider, ago(daysAgo));
            }
            for (int daysAgo : new int[] {91, 89}) {
                vault.execute("""
                        INSERT INTO discovery_source_validators (id, profile_id, url, etag, updated_at)
                        VALUES (?, ?, ?, '"v1"', ?)""", "v" + daysAgo, profile, "https://status.example/" + daysAgo, ago(daysAgo));
            }
            vault.execute("""
                    INSERT INTO automation_scripts (id, profile_id, provider_id, task_type, title, description, script_content,
                        model_used, created_at, updated_at) VALUES ('script', ?, ?, 'custom', 't', 'd', '{}', 'none', ?, ?)""",
                    profile, provider, ago(200), ago(200));
            for (int daysAgo : new int[] {120, 91, 30}) {
                vault.execute("""
                        INSERT INTO automation_executions (id, profile_id, script_id, started_at, status)
                        VALUES (?, ?, 'script', ?, 'success')""", "e" + daysAgo, profile, ago(daysAgo));
            }
            // e120 has a recent decision (it goes with its run); e30 an old one that is past its own period.
            insertCheckpoint(vault, "c-recent", "e120", ago(5));
            insertCheckpoint(vault, "c-old", "e30", ago(95));
            insertCheckpoint(vault, "c-kept", "e30", ago(20));
            Path debug = vault.session().location().debugFolder();
            Files.createDirectories(debug.resolve("run-1"));
            Path oldShot = Files.write(debug.resolve("run-1/old.png.enc"), new byte[100]);
            Path newShot = Files.write(debug.resolve("run-1/new.png.enc"), new byte[50]);
            Files.setLastModifiedTime(oldShot, FileTime.from(NOW.minus(Duration.ofDays(8))));
            Files.setLastModifiedTime(newShot, FileTime.from(NOW.minus(Duration.ofDays(6))));
            Path outside = Files.write(dir.resolve("outside.png"), new byte[10]);
            Files.setLastModifiedTime(outside, FileTime.from(NOW.minus(Duration.ofDays(30))));
            Files.createSymbolicLink(debug.resolve("link.png"), outside);

            RetentionReport report = new RetentionJob(vault.session(), clock, 1).run();

            assertEquals(List.of("s10", "s364"), ids(vault, "dashboard_daily_summaries"));
            assertEquals(List.of("f89"), ids(vault, "discovery_findings"));
            assertEquals(List.of("l29"), ids(vault, "discovery_search_log"));
            assertEquals(List.of("v89"), ids(vault, "discovery_source_validators"), "validators follow discovery_retention_days");
            assertEquals(1, report.count("discovery_source_validators"));
            assertEquals(List.of("e30"), ids(vault, "automation_executions"));
            assertEquals(List.of("c-kept"), ids(vault, "hitl_checkpoints"));
            assertEquals(2, report.count("dashboard_daily_summaries"));
            assertEquals(2, report.count("automation_executions"));
            assertEquals(1, report.count("hitl_checkpoints"), "counted by its own age; c-recent went with its run");
            assertEquals(1, report.count("debug_screenshots"));
            assertFalse(Files.exists(oldShot));
            assertTrue(Files.exists(newShot));
            assertTrue(Files.exists(outside), "a symbolic link is never followed out of the debug folder");
            assertTrue(Files.isSymbolicLink(debug.resolve("link.png")));

            vault.session().settings().set("summary_retention_days", "30");
            vault.session().settings().set("search_log_retention_days", "7");
            vault.session().settings().set("debug_screenshot_retention_days", "1");
            RetentionReport stricter = new RetentionJob(vault.session(), clock, 1000).run();
            assertEquals(List.of("s10"), ids(vault, "dashboard_daily_summaries"), "the period is a setting");
            assertEquals(List.of(), ids(vault, "discovery_search_log"));
            assertEquals(1, stricter.count("debug_screenshots"));
        }
    }

    @Test
    void aDryRunChangesNothingAndCountsWhatARunRemoves() throws Exception {
        SettableClock clock = new SettableClock(NOW);
        List<String> ids = new ArrayList<>();
        try (TestVault vault = vaultWithSnapshots(dir, clock, ids, 100)) {
            String provider = vault.session().providers().get("practice-cloud").id();
            vault.execute("""
                    INSERT INTO dashboard_daily_summaries (id, profile_id, secret_id, provider_id, summary_date, health_summary)
                    VALUES ('ancient', ?, ?, ?, '2024-01-01', 'valid')""", vault.session().profileId(), ids.get(0), provider);
            vault.execute("""
                    INSERT INTO discovery_search_log (id, profile_id, provider_id, searched_at, trigger_type, status)
                    VALUES ('old-log', ?, ?, '2026-01-01T00:00:00.000000Z', 'scheduled', 'success')""",
                    vault.session().profileId(), provider);
            Path debug = Files.createDirectories(vault.session().location().debugFolder());
            Path shot = Files.write(debug.resolve("old.png.enc"), new byte[64]);
            Files.setLastModifiedTime(shot, FileTime.from(NOW.minus(Duration.ofDays(30))));
            String before = everything(vault);
            List<Path> filesBefore = files(vault.dataDir());

            RetentionReport dry = new RetentionJob(vault.session(), clock, 10).dryRun();

            assertTrue(before.equals(everything(vault)), "a dry run changed the vault");
            assertEquals(filesBefore, files(vault.dataDir()));
            assertTrue(dry.dryRun());
            assertEquals(3 * (100 - 24), dry.count("dashboard_snapshots"));
            assertEquals(1, dry.count("dashboard_daily_summaries"));
            assertEquals(1, dry.count("discovery_search_log"));
            assertEquals(1, dry.count("debug_screenshots"));

            RetentionReport real = new RetentionJob(vault.session(), clock, 10).run();
            for (RetentionReport.Rule rule : dry.rules()) {
                assertEquals(rule.count(), real.count(rule.name()), rule.name());
            }
        }
    }

    private static void insertCheckpoint(TestVault vault, String id, String execution, String decidedAt) {
        vault.execute("""
                INSERT INTO hitl_checkpoints (id, profile_id, execution_id, checkpoint_type, checkpoint_description,
                    proposed_action, context_json, decision, decided_at)
                VALUES (?, ?, ?, 'billing', 'd', 'p', '{}', 'approved', ?)""", id, vault.session().profileId(), execution, decidedAt);
    }

    private static String ago(int days) {
        return Timestamps.format(NOW.minus(Duration.ofDays(days)));
    }

    private static List<String> ids(TestVault vault, String table) {
        return vault.rows("SELECT id FROM " + table + " ORDER BY id").stream().map(r -> (String) r.get("id")).toList();
    }

    /** Every row of every table as text, audit log and job bookkeeping included. */
    private static String everything(TestVault vault) {
        StringBuilder out = new StringBuilder();
        for (Map<String, Object> t : vault.rows("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")) {
            for (Map<String, Object> row : vault.rows("SELECT * FROM " + t.get("name") + " ORDER BY 1")) {
                row.forEach((column, value) -> out.append(column).append('=')
                        .append(value instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes) : value).append(';'));
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static List<Path> files(Path root) throws java.io.IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> !p.getFileName().toString().startsWith("vault.db")).sorted().toList();
        }
    }

    private static void assertSameSummary(DailySummary expected, DailySummary actual) {
        if (expected.avgUsagePercent() == null) {
            assertNull(actual.avgUsagePercent());
        } else {
            assertEquals(expected.avgUsagePercent(), actual.avgUsagePercent(), 1e-9);
        }
        assertEquals(expected.maxUsagePercent(), actual.maxUsagePercent());
        assertEquals(expected.totalCost(), actual.totalCost());
        assertEquals(expected.costCurrency(), actual.costCurrency());
        assertEquals(expected.healthSummary(), actual.healthSummary());
        assertEquals(expected.collectionSuccessCount(), actual.collectionSuccessCount());
        assertEquals(expected.collectionFailureCount(), actual.collectionFailureCount());
        assertEquals(expected.usageSampleCount(), actual.usageSampleCount());
        assertEquals(expected.healthCountsJson(), actual.healthCountsJson());
        assertEquals(expected.key(), actual.key());
    }
}
