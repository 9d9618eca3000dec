package dev.keyward.automation.jobs;

import dev.keyward.automation.dashboard.refresh.RefreshListener;
import dev.keyward.automation.dashboard.service.DashboardService;
import dev.keyward.automation.discovery.service.DiscoveryService;
import dev.keyward.automation.retention.RetentionJob;
import dev.keyward.vault.jobs.JobName;
import dev.keyward.vault.jobs.JobState;
import dev.keyward.vault.session.VaultSession;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Keyward's jobs by name (dashboard refresh, discovery, retention), the one list of them: each one's work,
 * schedule and unlock rule, and "run it now and record it" for a command line without a scheduler. The
 * desktop's scheduler registers these entries; every run, scheduled or not, is recorded by {@link RecordedRun}.
 */
public final class JobCatalog {

    /**
     * One job: what it does, when it runs next, whether a scheduler runs it at unlock, and whether it
     * needs the profile's automation turned on (a scheduler registers those only once it is).
     */
    public record Entry(JobWork work, NextRunPolicy policy, UnlockRule atUnlock, boolean needsAutomation) {

        public Entry {
            Objects.requireNonNull(work, "work");
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(atUnlock, "atUnlock");
        }
    }

    private final VaultSession session;
    private final DashboardService dashboard;
    private final Map<JobName, Entry> entries = new EnumMap<>(JobName.class);

    public JobCatalog(VaultSession session, DashboardService dashboard, DiscoveryService discovery,
                      RetentionJob retention, ZoneId zone) {
        this.session = Objects.requireNonNull(session, "session");
        this.dashboard = Objects.requireNonNull(dashboard, "dashboard");
        Objects.requireNonNull(zone, "zone");
        entries.put(JobName.DASHBOARD_REFRESH, new Entry(StandardJobs.dashboardWork(dashboard),
                new DashboardRefreshPolicy(() -> session.settings().current(), zone, session.clock()),
                UnlockRule.IF_MISSED, true));
        entries.put(JobName.DISCOVERY, new Entry(StandardJobs.discoveryWork(discovery),
                new DiscoverySchedulePolicy(() -> session.settings().current(), zone), UnlockRule.IF_MISSED, true));
        entries.put(JobName.RETENTION, new Entry(StandardJobs.retentionWork(retention),
                NextRunPolicy.every(Duration.ofDays(1)), UnlockRule.ALWAYS, false));
    }

    /** The names of every job, in {@link JobName} order. */
    public Set<JobName> names() {
        return Collections.unmodifiableSet(entries.keySet());
    }

    /**
     * The dashboard refresh's work, telling {@code progress} about each key as it is stored (the CLI prints
     * a line per key, the desktop compares each key with its card before the run).
     */
    public JobWork dashboardRefresh(RefreshListener progress) {
        return StandardJobs.dashboardWork(dashboard, progress);
    }

    /** The job named {@code job}. */
    public Entry entry(JobName job) {
        Entry entry = entries.get(Objects.requireNonNull(job, "job"));
        if (entry == null) {
            throw new IllegalArgumentException("No job named " + job.dbValue() + ".");
        }
        return entry;
    }

    /** Runs {@code job}'s own work now, on demand, and records it; not run when it is already running. */
    public JobResult runNow(JobName job) {
        return runNow(job, entry(job).work());
    }

    /**
     * Runs {@code work} now as an on-demand run of {@code job} and records it with that job's next run time
     * (a command that reports more than the job's outcome passes work that keeps what it needs).
     */
    public JobResult runNow(JobName job, JobWork work) {
        Entry entry = entry(job);
        Instant planned = session.jobs().state(job).map(JobState::nextRunAt).orElse(null);
        return RecordedRun.execute(session, job, JobTrigger.ON_DEMAND, Objects.requireNonNull(work, "work"),
                entry.policy(), session.clock(), planned);
    }

    /**
     * Runs {@code work} now as an on-demand run of {@code job}, recorded with the status {@code outcome}
     * reads from its result; empty when the job is already running. A failure is recorded as a failed run
     * and then reaches the caller unchanged, so a command reports it as it would any error.
     */
    public <T> Optional<T> runNow(JobName job, Supplier<T> work, Function<T, JobOutcome> outcome) {
        try {
            return run(job, entry(job).policy(), work::get, outcome);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("A supplier threw a checked exception.", e); // cannot happen
        }
    }

    /**
     * Like {@link #runNow(JobName, Supplier, Function)} for a part of {@code job} (one key of the dashboard
     * refresh): recorded as a run of it, but its planned next run stays where it was.
     */
    public <T> Optional<T> runPartNow(JobName job, Callable<T> work, Function<T, JobOutcome> outcome) throws Exception {
        Instant planned = session.jobs().state(job).map(JobState::nextRunAt).orElse(null);
        return run(job, keep(planned), work, outcome);
    }

    private <T> Optional<T> run(JobName job, NextRunPolicy policy, Callable<T> work, Function<T, JobOutcome> outcome)
            throws Exception {
        entry(job);
        Instant planned = session.jobs().state(job).map(JobState::nextRunAt).orElse(null);
        AtomicReference<T> value = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        JobResult result = RecordedRun.execute(session, job, JobTrigger.ON_DEMAND, trigger -> {
            try {
                T v = work.call();
                value.set(v);
                return outcome.apply(v);
            } catch (Exception e) {
                failure.set(e);
                throw e;
            }
        }, policy, session.clock(), planned);
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.ran() ? Optional.of(value.get()) : Optional.empty();
    }

    /** A policy that leaves the next run at {@code planned} (none when null). */
    private static NextRunPolicy keep(Instant planned) {
        return now -> planned;
    }
}
