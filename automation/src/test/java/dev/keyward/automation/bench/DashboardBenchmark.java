package dev.keyward.automation.bench;

import dev.keyward.automation.dashboard.FakeProvider;
import dev.keyward.automation.dashboard.FakeProvider.Reply;
import dev.keyward.automation.dashboard.collect.ProviderHttp;
import dev.keyward.automation.dashboard.refresh.RateLimit;
import dev.keyward.automation.dashboard.refresh.RefreshListener;
import dev.keyward.automation.dashboard.refresh.RefreshSettings;
import dev.keyward.automation.dashboard.refresh.RefreshTiming;
import dev.keyward.automation.dashboard.service.DashboardConfig;
import dev.keyward.automation.dashboard.service.DashboardService;
import dev.keyward.automation.dashboard.service.RefreshReport;
import dev.keyward.automation.dashboard.store.SnapshotRepository;
import dev.keyward.automation.retention.GeneratedSnapshots;
import dev.keyward.automation.retention.RetentionJob;
import dev.keyward.automation.retention.RetentionReport;
import dev.keyward.automation.testing.TestVault;
import dev.keyward.vault.session.VaultSession;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Measures the dashboard figures of docs/performance.md: the overview query for 1,000 keys (with
 * its query plan), retention of 1,000,000 snapshots (time and peak heap) and a refresh of 200 keys
 * against loopback fakes with per-provider rate limits. Run:
 * {@code mvn -B -q -o -pl automation -am -Pdashboard-bench -DskipTests verify}; {@code -Dbench.parts="overview refresh"}
 * picks parts.
 */
public final class DashboardBenchmark {

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("keyward-dashboard-bench");
        System.out.println("# Keyward dashboard benchmark, " + Runtime.version() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        List<String> parts = args.length == 0 ? List.of("overview", "refresh", "retention") : List.of(String.join(" ", args).split("\\s+"));
        // "keys=200 layout=time" among the parts set bench.retention.keys and bench.retention.layout
        // (exec:exec passes no -D of Maven's own to the benchmark's JVM).
        for (String part : parts) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                System.setProperty("bench.retention." + part.substring(0, eq), part.substring(eq + 1));
            }
        }
        if (parts.contains("overview")) {
            overview(dir.resolve("overview"));
        }
        if (parts.contains("refresh")) {
            refresh(dir.resolve("refresh"));
        }
        if (parts.contains("retention")) {
            retention(dir.resolve("retention"), Integer.getInteger("bench.retention.keys", 1_000));
        }
    }

    static void overview(Path dir) {
        try (TestVault vault = TestVault.create(dir, Clock.systemUTC())) {
            VaultSession session = vault.session();
            List<String> keys = GeneratedSnapshots.keys(session, "ov", 1_000, "practice-cloud");
            GeneratedSnapshots.snapshots(session, keys, 24, Instant.now(), Duration.ofHours(1), 1);
            DashboardService dashboard = new DashboardService(session);
            dashboard.overview();
            List<Long> times = new ArrayList<>();
            int cards = 0;
            for (int i = 0; i < 11; i++) {
                long start = System.nanoTime();
                cards = dashboard.overview().size();
                times.add(System.nanoTime() - start);
            }
            System.out.printf("overview: %d cards from %d snapshots, median %.1f ms of 11 runs after a warm-up run%n",
                    cards, 24_000, median(times) / 1e6);
            System.out.println("EXPLAIN QUERY PLAN of the overview:");
            session.database().read(c -> {
                try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + SnapshotRepository.OVERVIEW_SQL)) {
                    ps.setString(1, session.profileId());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            System.out.println("  " + rs.getInt(1) + " " + rs.getInt(2) + " " + rs.getString(4));
                        }
                    }
                }
                return null;
            });
        }
    }

    static void refresh(Path dir) throws Exception {
        List<String> slugs = List.of("openai", "deepseek", "groq", "mistral");
        try (TestVault vault = TestVault.create(dir, Clock.systemUTC()); FakeProvider fake = new FakeProvider()) {
            fake.route("/v1/models", Reply.json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"m\"}]}"))
                    .route("/v1/usage", Reply.json(200, "{\"requests\":10,\"limit\":100,\"cost\":1.0,\"currency\":\"USD\"}"));
            for (String slug : slugs) {
                vault.setApiBaseUrl(slug, fake.baseUrl().toString());
                vault.setStatusPageUrl(slug, "");
                GeneratedSnapshots.keys(vault.session(), slug, 50, slug);
            }
            // 10 requests at once, then one per 50 ms (20/s) per provider; 8 collections in flight.
            RateLimit limit = new RateLimit(10, Duration.ofMillis(50));
            DashboardConfig config = DashboardConfig.defaults()
                    .withTiming(RefreshTiming.system())
                    .withRefresh(RefreshSettings.defaults().withConcurrency(8))
                    .withRateLimits(limit, Map.of());
            DashboardService dashboard = new DashboardService(vault.session(),
                    new DashboardConfig(ProviderHttp.withDefaultClient(), config.refresh(), config.timing(), config.browser(),
                            config.statusFetch()));
            long start = System.nanoTime();
            RefreshReport report = dashboard.refreshAll(false, RefreshListener.ignoring());
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("refresh: %d keys over %d providers, %d success, %.2f s (%.0f keys/s), at most %d requests in"
                            + " flight; the rate limit alone needs >= %.2f s%n", report.results().size(), slugs.size(),
                    report.count(dev.keyward.automation.dashboard.CollectionStatus.SUCCESS), seconds,
                    report.results().size() / seconds, fake.maxInFlight(), (50 - 10) * 0.05);
        }
    }

    static void retention(Path dir, int keys) throws InterruptedException {
        try (TestVault vault = TestVault.create(dir, Clock.systemUTC())) {
            VaultSession session = vault.session();
            List<String> ids = GeneratedSnapshots.keys(session, "rt", keys, "practice-cloud");
            long start = System.nanoTime();
            long rows = GeneratedSnapshots.snapshots(session, ids, 1_000, Instant.now(), Duration.ofMinutes(20), 3,
                    "time".equals(System.getProperty("bench.retention.layout")));
            System.out.printf("retention: generated %,d snapshots for %,d keys in %.1f s (batch insert, 20,000 rows per"
                    + " transaction, rows in %s order); vault.db %,d MiB%n", rows, keys, (System.nanoTime() - start) / 1e9,
                    "time".equals(System.getProperty("bench.retention.layout")) ? "time" : "key",
                    size(session.location().vaultFile()) / (1024 * 1024));
            System.gc();
            resetPeaks();
            long used = usedHeap();
            // A stand-in for the app's own writes during the run (a setting saved, a snapshot stored):
            // one small transaction every 50 ms; its longest wait is how long a batch held the write lock.
            java.util.concurrent.atomic.AtomicLong longestWait = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
            Thread writer = new Thread(() -> {
                while (running.get()) {
                    long asked = System.nanoTime();
                    session.database().write(c -> {
                        try (var st = c.createStatement()) {
                            st.execute("SELECT 1");
                        }
                        return null;
                    });
                    longestWait.accumulateAndGet(System.nanoTime() - asked, Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            start = System.nanoTime();
            long cpuStart = processCpuNanos();
            long writtenStart = bytesWritten();
            writer.start();
            RetentionJob job = new RetentionJob(session);
            RetentionReport report = job.run();
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
            long written = bytesWritten() - writtenStart;
            running.set(false);
            writer.join();
            System.out.printf("retention: the longest wait of a small write during the run was %.0f ms; the job's"
                    + " longest transaction held the write lock %d ms; process CPU (user+sys) during the run %.1f s;"
                    + " %,d MiB written to disk; load average %.1f%n", longestWait.get() / 1e6,
                    job.longestTransaction().toMillis(), cpuSeconds, written / (1024 * 1024),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            // Each page a commit changed goes to the log (page + 24-byte frame header), then once more
            // into the file at a checkpoint: about two page writes per changed page and commit.
            System.out.printf("retention: %,d transactions, %,.0f KiB written per transaction (about %,.0f pages"
                            + " changed per commit, counting a log write and a checkpoint write per page)%n",
                    job.transactions(), written / 1024.0 / job.transactions(), written / 2.0 / 4_120 / job.transactions());
            System.out.printf("retention: folded %,d snapshots (%s) in %.1f s (%.0f rows/s); heap before %d MiB,"
                            + " peak during the run %d MiB%n", report.count("dashboard_snapshots"),
                    report.rules().get(0).detail(), seconds, report.count("dashboard_snapshots") / seconds,
                    used / (1024 * 1024), peakHeap() / (1024 * 1024));
            start = System.nanoTime();
            RetentionReport again = new RetentionJob(session).run();
            System.out.printf("retention: a second run with nothing to fold took %.2f s (%d rows)%n",
                    (System.nanoTime() - start) / 1e9, again.total());
        }
    }

    /** Bytes this process caused to be written to storage so far (Linux /proc/self/io), -1 elsewhere. */
    private static long bytesWritten() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
                if (line.startsWith("write_bytes:")) {
                    return Long.parseLong(line.substring("write_bytes:".length()).trim());
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // Not Linux: the figure is left out.
        }
        return -1;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
