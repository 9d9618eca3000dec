package dev.keyward.automation.jobs;

import dev.keyward.automation.dashboard.service.DashboardService;
import dev.keyward.automation.discovery.service.DiscoveryService;
import dev.keyward.automation.retention.RetentionJob;
import dev.keyward.vault.jobs.JobName;
import dev.keyward.vault.jobs.JobState;
import dev.keyward.vault.session.VaultSession;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Keyward's jobs by name (dashboard refresh, discovery, retention): each one's work and schedule, and
 * "run it now and record it" for a command line without a scheduler. The desktop's scheduler registers
 * the same work and policies; every run, scheduled or not, is recorded by {@link RecordedRun}.
 */
public final class JobCatalog {

    /** One job: what it does and when it runs next. */
    public record Entry(JobWork work, NextRunPolicy policy) {
    }

    private final VaultSession session;
    private final Map<JobName, Entry> entries = new EnumMap<>(JobName.class);

    public JobCatalog(VaultSession session, DashboardService dashboard, DiscoveryService discovery,
                      RetentionJob retention, ZoneId zone) {
        this.session = Objects.requireNonNull(session, "session");
        Objects.requireNonNull(zone, "zone");
        entries.put(JobName.DASHBOARD_REFRESH, new Entry(StandardJobs.dashboardWork(dashboard),
                new DashboardRefreshPolicy(() -> session.settings().current(), zone, session.clock())));
        entries.put(JobName.DISCOVERY, new Entry(StandardJobs.discoveryWork(discovery),
                new DiscoverySchedulePolicy(() -> session.settings().current(), zone)));
        entries.put(JobName.RETENTION, new Entry(StandardJobs.retentionWork(retention),
                NextRunPolicy.every(Duration.ofDays(1))));
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
        AtomicReference<T> value = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        JobResult result = runNow(job, trigger -> {
            try {
                T v = work.get();
                value.set(v);
                return outcome.apply(v);
            } catch (RuntimeException e) {
                failure.set(e);
                throw e;
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.ran() ? Optional.of(value.get()) : Optional.empty();
    }
}
