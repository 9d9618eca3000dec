package dev.keyward.automation.retention;

import dev.keyward.automation.dashboard.store.SnapshotRepository;
import dev.keyward.vault.OperationFailedException;
import dev.keyward.vault.VaultErrorKind;
import dev.keyward.vault.db.SqlWork;
import dev.keyward.vault.db.VaultDatabase;
import dev.keyward.vault.io.Timestamps;
import dev.keyward.vault.session.VaultSession;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Enforces every retention rule of seed 002 section 5.3 with the profile's configured periods:
 * folds dashboard snapshots beyond the newest N per key into daily summaries, and removes old
 * summaries, discovery findings, search log rows, automation runs, checkpoint decisions and debug
 * screenshots. It works in bounded batches, each one transaction, so the app stays responsive, an
 * interrupted run loses nothing and the next run resumes. A dry run only counts.
 */
public final class RetentionJob {

    /**
     * Rows per transaction: for snapshots, rows folded (a tile of about 45 keys x 45 rows, see
     * {@link SnapshotFolding}); for the age rules, rows deleted. The app's other writers wait for a batch
     * in progress, so it is kept small; the pages a tile dirties grow with the square root of its rows,
     * so a smaller batch costs little more in all (docs/performance.md, Retention).
     */
    public static final int DEFAULT_BATCH = 2_000;

    /**
     * The writer's page cache while folding. Deleting from three indexes revisits their pages batch
     * after batch; with the vault's usual 16 MiB they are decrypted again each time. The cache is
     * native memory, given back when the run ends.
     */
    private static final int FOLDING_CACHE_KIB = 64 * 1024;

    private static final AgedRows SUMMARIES =
            new AgedRows("dashboard_daily_summaries", "summary_date", "idx_dashboard_daily_summaries_profile_date");
    private static final AgedRows FINDINGS =
            new AgedRows("discovery_findings", "discovered_at", "idx_discovery_findings_age");
    private static final AgedRows SEARCH_LOG =
            new AgedRows("discovery_search_log", "searched_at", "idx_discovery_search_log_age");
    /** Conditional-request validators of discovery sources, kept as long as findings since last confirmed. */
    private static final AgedRows SOURCE_VALIDATORS =
            new AgedRows("discovery_source_validators", "updated_at", "idx_discovery_source_validators_age");
    private static final AgedRows EXECUTIONS =
            new AgedRows("automation_executions", "started_at", "idx_automation_executions_profile_started");
    private static final AgedRows CHECKPOINTS =
            new AgedRows("hitl_checkpoints", "decided_at", "idx_hitl_checkpoints_profile_decided");

    private final VaultSession session;
    private final InstantSource clock;
    private final int batchSize;
    /** The longest write of the last run, in nanoseconds (see {@link #longestTransaction()}). */
    private long longestWriteNanos;
    /** The writes of the last run (see {@link #transactions()}). */
    private int transactions;

    public RetentionJob(VaultSession session) {
        this(session, session.clock(), DEFAULT_BATCH);
    }

    public RetentionJob(VaultSession session, InstantSource clock, int batchSize) {
        this.session = Objects.requireNonNull(session, "session");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (batchSize < 1) {
            throw new IllegalArgumentException("A retention batch needs at least one row.");
        }
        this.batchSize = batchSize;
    }

    /** Applies every rule; stops between batches when the thread is interrupted (the report says so). */
    public RetentionReport run() {
        return execute(false);
    }

    /**
     * The longest transaction of the last run, from asking for the write lock to its commit: about the
     * longest that another writer of the app waited for one batch.
     */
    public Duration longestTransaction() {
        return Duration.ofNanos(longestWriteNanos);
    }

    /** How many transactions the last run wrote (the benchmark divides the bytes written by it). */
    public int transactions() {
        return transactions;
    }

    /** Counts what {@link #run()} would remove, changing nothing. */
    public RetentionReport dryRun() {
        return execute(true);
    }

    private RetentionReport execute(boolean dryRun) {
        longestWriteNanos = 0;
        transactions = 0;
        RetentionPolicy policy = RetentionPolicy.from(session.settings().current());
        Instant now = clock.instant();
        List<RetentionReport.Rule> rules = new ArrayList<>();
        boolean stopped = false;
        if (session.automationEnabled()) {
            stopped = tableRules(policy, now, dryRun, rules);
        }
        if (!stopped) {
            DebugScreenshots.Sweep sweep = new DebugScreenshots(session.location().debugFolder())
                    .sweep(now.minus(Duration.ofDays(policy.screenshotDays())), dryRun);
            rules.add(new RetentionReport.Rule("debug_screenshots", "keep " + policy.screenshotDays() + " days",
                    sweep.files(), sweep.bytes() + " bytes"));
        }
        RetentionReport report = new RetentionReport(dryRun, rules, stopped);
        if (!dryRun) {
            record(report);
        }
        return report;
    }

    /** Applies (or counts) the table rules in seed order; true when interrupted. */
    private boolean tableRules(RetentionPolicy policy, Instant now, boolean dryRun, List<RetentionReport.Rule> rules) {
        String profileId = session.profileId();
        SnapshotFolding folding = new SnapshotFolding(profileId, session.redactor()::redact);
        int keep = policy.snapshotsKeptPerSecret();
        long folded = 0;
        Set<String> daysTouched = new HashSet<>();
        boolean stopped = false;
        if (dryRun) {
            Map<String, Integer> excess = session.database().read(c -> folding.excess(c, keep));
            for (Map.Entry<String, Integer> key : excess.entrySet()) {
                SnapshotFolding.Batch pending = session.database().read(c -> folding.pending(c, key.getKey(), key.getValue()));
                folded += pending.snapshots();
                daysTouched.addAll(pending.keyDays());
            }
        } else {
            Map<String, SnapshotRepository.Cut> cuts = session.database().read(c -> folding.cuts(c, keep));
            if (!cuts.isEmpty()) {
                setWriterCache(FOLDING_CACHE_KIB);
                try {
                    SnapshotFolding.Walk walk = new SnapshotFolding.Walk(cuts, batchSize);
                    while (!walk.done() && !(stopped = Thread.currentThread().isInterrupted())) {
                        SnapshotFolding.Tile tile = timedWrite(c -> folding.foldNext(c, walk));
                        walk.finished(tile.finished());
                        folded += tile.folded().snapshots();
                        daysTouched.addAll(tile.folded().keyDays());
                    }
                } finally {
                    try {
                        setWriterCache(VaultDatabase.CACHE_KIB);
                    } catch (OperationFailedException e) {
                        // The session closed meanwhile; its connections, and their caches, are gone with it.
                        rethrowUnlessLocked(e);
                    }
                }
            }
        }
        rules.add(new RetentionReport.Rule("dashboard_snapshots", "keep " + keep
                + " per key, fold older ones into daily summaries", folded, daysTouched.size() + " key-days summarised"));
        String today = LocalDate.ofInstant(now, ZoneOffset.UTC).toString();
        String summaryCutoff = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(policy.summaryDays()).toString();
        Map<String, Long> counts = new LinkedHashMap<>();
        String[][] plan = {
                {"dashboard_daily_summaries", summaryCutoff},
                {"discovery_findings", cutoff(now, policy.findingDays())},
                {"discovery_search_log", cutoff(now, policy.searchLogDays())},
                {"discovery_source_validators", cutoff(now, policy.findingDays())},
                // Checkpoints before their executions, so each is counted by its own age before a cascade takes it.
                {"hitl_checkpoints", cutoff(now, policy.executionDays())},
                {"automation_executions", cutoff(now, policy.executionDays())}};
        for (String[] step : plan) {
            if (stopped) {
                break;
            }
            AgedRows rule = ruleFor(step[0]);
            long removed = 0;
            if (dryRun) {
                removed = session.database().read(c -> rule.count(c, profileId, step[1]));
            } else {
                while (!(stopped = Thread.currentThread().isInterrupted())) {
                    int n = timedWrite(c -> rule.deleteBatch(c, profileId, step[1], batchSize));
                    removed += n;
                    if (n < batchSize) {
                        break;
                    }
                }
            }
            counts.put(step[0], removed);
        }
        rules.add(new RetentionReport.Rule("dashboard_daily_summaries", "keep " + policy.summaryDays() + " days",
                counts.getOrDefault("dashboard_daily_summaries", 0L), "before " + summaryCutoff + " (today " + today + ")"));
        rules.add(new RetentionReport.Rule("discovery_findings", "keep " + policy.findingDays() + " days",
                counts.getOrDefault("discovery_findings", 0L), null));
        rules.add(new RetentionReport.Rule("discovery_search_log", "keep " + policy.searchLogDays() + " days",
                counts.getOrDefault("discovery_search_log", 0L), null));
        rules.add(new RetentionReport.Rule("discovery_source_validators", "keep " + policy.findingDays()
                + " days since a source last confirmed them", counts.getOrDefault("discovery_source_validators", 0L), null));
        rules.add(new RetentionReport.Rule("automation_executions", "keep " + policy.executionDays() + " days",
                counts.getOrDefault("automation_executions", 0L), null));
        rules.add(new RetentionReport.Rule("hitl_checkpoints", "keep " + policy.executionDays() + " days",
                counts.getOrDefault("hitl_checkpoints", 0L), null));
        return stopped;
    }

    private <T> T timedWrite(SqlWork<T> work) {
        long start = System.nanoTime();
        try {
            return session.database().write(work);
        } finally {
            longestWriteNanos = Math.max(longestWriteNanos, System.nanoTime() - start);
            transactions++;
        }
    }

    private void setWriterCache(int kib) {
        session.database().write(c -> {
            try (Statement statement = c.createStatement()) {
                statement.execute("PRAGMA cache_size = -" + kib);
            }
            return null;
        });
    }

    private static AgedRows ruleFor(String table) {
        return switch (table) {
            case "dashboard_daily_summaries" -> SUMMARIES;
            case "discovery_findings" -> FINDINGS;
            case "discovery_search_log" -> SEARCH_LOG;
            case "discovery_source_validators" -> SOURCE_VALIDATORS;
            case "automation_executions" -> EXECUTIONS;
            case "hitl_checkpoints" -> CHECKPOINTS;
            default -> throw new IllegalArgumentException("No retention rule for " + table);
        };
    }

    private static String cutoff(Instant now, int days) {
        return Timestamps.format(now.minus(Duration.ofDays(days)));
    }

    private void record(RetentionReport report) {
        Map<String, Object> details = new LinkedHashMap<>();
        report.rules().forEach(rule -> details.put(rule.name(), rule.count()));
        details.put("stopped", report.stopped());
        try {
            session.database().write(c -> {
                session.audit().record(c, "retention", "run", "profile", session.profileId(), details);
                return null;
            });
        } catch (OperationFailedException e) {
            // The session closed while the run stopped; the rows it removed are already committed.
            rethrowUnlessLocked(e);
        }
    }

    private static void rethrowUnlessLocked(OperationFailedException e) {
        if (e.kind() != VaultErrorKind.PROFILE_LOCKED) {
            throw e;
        }
    }
}
