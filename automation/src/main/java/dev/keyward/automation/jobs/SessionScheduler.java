package dev.keyward.automation.jobs;

import dev.keyward.vault.jobs.JobName;
import dev.keyward.vault.jobs.JobState;
import dev.keyward.vault.jobs.JobStatus;
import dev.keyward.vault.session.VaultSession;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background jobs of one unlocked session on a few daemon threads: each registered job runs
 * when its {@link NextRunPolicy} says, never inside the times the policy forbids, on demand, and at
 * unlock as its {@link UnlockRule} says. A job never overlaps itself ({@code session.jobs().begin}),
 * and every run is recorded in {@code scheduled_jobs} and the audit log.
 *
 * <p>It checks the wall clock every {@code tick} rather than sleeping until a run is due, so a laptop
 * that slept through a run's time runs it as soon as it wakes. Close it before the session
 * ("lock and stop"): running jobs are interrupted and record themselves as stopped.
 */
public final class SessionScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SessionScheduler.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** One registered job and its in-memory plan. */
    private static final class Job {
        final JobName name;
        final JobWork work;
        final NextRunPolicy policy;
        final UnlockRule atUnlock;
        final AtomicBoolean queued = new AtomicBoolean();
        volatile Instant nextRunAt;

        Job(JobName name, JobWork work, NextRunPolicy policy, UnlockRule atUnlock) {
            this.name = name;
            this.work = work;
            this.policy = policy;
            this.atUnlock = atUnlock;
        }
    }

    private final VaultSession session;
    private final InstantSource clock;
    private final Duration tick;
    private final Map<JobName, Job> jobs = new ConcurrentHashMap<>();
    private final ScheduledExecutorService executor;
    private final List<Consumer<JobResult>> finishedListeners = new CopyOnWriteArrayList<>();
    private volatile boolean started;
    private volatile boolean closed;

    /** A scheduler on the system clock that looks for due jobs every 30 seconds. */
    public SessionScheduler(VaultSession session) {
        this(session, InstantSource.system(), Duration.ofSeconds(30));
    }

    public SessionScheduler(VaultSession session, InstantSource clock, Duration tick) {
        this.session = Objects.requireNonNull(session, "session");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tick = Objects.requireNonNull(tick, "tick");
        if (!tick.isPositive()) {
            throw new IllegalArgumentException("The scheduler's tick must be positive.");
        }
        this.executor = Executors.newScheduledThreadPool(3, runnable -> {
            Thread thread = new Thread(runnable, "keyward-jobs-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Registers a job whose body is a plain runnable (success unless it throws). */
    public void register(JobName name, Runnable work, NextRunPolicy policy, UnlockRule atUnlock) {
        register(name, JobWork.of(work), policy, atUnlock);
    }

    /**
     * Registers a job. Registering after {@link #start()} plans it at once as if the vault had just
     * been unlocked (discovery plugs in this way).
     */
    public void register(JobName name, JobWork work, NextRunPolicy policy, UnlockRule atUnlock) {
        Job job = new Job(Objects.requireNonNull(name, "name"), Objects.requireNonNull(work, "work"),
                Objects.requireNonNull(policy, "policy"), Objects.requireNonNull(atUnlock, "atUnlock"));
        if (jobs.putIfAbsent(name, job) != null) {
            throw new IllegalStateException("The job " + name.dbValue() + " is already registered.");
        }
        if (started) {
            planAtUnlock(job);
        }
    }

    /**
     * Starts the clock: plans every job as the vault was just unlocked (catch-up runs start now) and
     * looks for due jobs every tick. Returns the runs it started, for callers that want to wait.
     */
    public synchronized List<CompletableFuture<JobResult>> start() {
        if (started) {
            throw new IllegalStateException("The scheduler was already started.");
        }
        started = true;
        List<CompletableFuture<JobResult>> runs = new ArrayList<>();
        for (Job job : jobs.values()) {
            planAtUnlock(job).ifPresent(runs::add);
        }
        executor.scheduleWithFixedDelay(this::tickQuietly, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
        return runs;
    }

    /** Runs the dashboard refresh now (tray, window, CLI); quiet hours do not apply to a user's request. */
    public CompletableFuture<JobResult> refreshNow() {
        return runNow(JobName.DASHBOARD_REFRESH);
    }

    /** Runs a registered job now, on demand; completes at once with {@code ran=false} if it is already running. */
    public CompletableFuture<JobResult> runNow(JobName name) {
        Job job = jobs.get(name);
        if (job == null) {
            throw new IllegalStateException("No job " + name.dbValue() + " is registered with this scheduler.");
        }
        return submit(job, JobTrigger.ON_DEMAND);
    }

    /**
     * Starts every job that is due now and allowed to run; one that is due inside its quiet hours is
     * moved to their end instead. The scheduler calls this every tick; tests call it with a fake clock.
     */
    public List<CompletableFuture<JobResult>> runDueJobs() {
        Instant now = clock.instant();
        List<CompletableFuture<JobResult>> runs = new ArrayList<>();
        for (Job job : jobs.values()) {
            Instant due = job.nextRunAt;
            if (due == null || now.isBefore(due) || job.queued.get()) {
                continue;
            }
            Instant allowed = job.policy.allowedAt(now);
            if (allowed.isAfter(now)) {
                plan(job, allowed);
                continue;
            }
            runs.add(submit(job, JobTrigger.SCHEDULED));
        }
        return runs;
    }

    /**
     * Calls {@code listener} on the job's thread after every run that ran, whoever asked for it
     * (its time, a catch-up, a user), once the run is recorded; close the handle to stop.
     */
    public AutoCloseable onFinished(Consumer<JobResult> listener) {
        Objects.requireNonNull(listener, "listener");
        finishedListeners.add(listener);
        return () -> finishedListeners.remove(listener);
    }

    /** When the job runs next, as planned in memory. */
    public Optional<Instant> nextRunAt(JobName name) {
        Job job = jobs.get(name);
        return job == null ? Optional.empty() : Optional.ofNullable(job.nextRunAt);
    }

    /** Stops the clock and interrupts running jobs, waiting a little for them to record themselves. */
    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Background jobs did not stop within 10 s; they end with the process.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Optional<CompletableFuture<JobResult>> planAtUnlock(Job job) {
        Instant now = clock.instant();
        Optional<JobState> state = session.jobs().state(job.name);
        Instant stored = state.map(JobState::nextRunAt).orElse(null);
        boolean missed = stored == null || state.get().missedAt(now);
        boolean runNow = job.atUnlock == UnlockRule.ALWAYS || (job.atUnlock == UnlockRule.IF_MISSED && missed);
        if (runNow) {
            Instant allowed = job.policy.allowedAt(now);
            if (job.atUnlock == UnlockRule.ALWAYS || !allowed.isAfter(now)) {
                return Optional.of(submit(job, JobTrigger.LAUNCH_CATCHUP));
            }
            // A missed run inside quiet hours waits for their end.
            plan(job, allowed);
            return Optional.empty();
        }
        plan(job, stored != null ? stored : job.policy.allowedAt(job.policy.nextAfter(now)));
        return Optional.empty();
    }

    private void plan(Job job, Instant next) {
        job.nextRunAt = next;
        try {
            session.jobs().scheduleNext(job.name, next);
        } catch (RuntimeException e) {
            LOG.warn("The next run of {} could not be recorded ({}).", job.name.dbValue(), e.getClass().getSimpleName());
        }
    }

    private CompletableFuture<JobResult> submit(Job job, JobTrigger trigger) {
        if (closed || !job.queued.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(
                    new JobResult(job.name, trigger, false, JobStatus.SKIPPED, null, job.nextRunAt));
        }
        CompletableFuture<JobResult> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                JobResult done = null;
                Throwable failure = null;
                try {
                    done = execute(job, trigger);
                } catch (RuntimeException | Error e) {
                    failure = e;
                } finally {
                    // Released before the caller hears the result, so its next request is not refused.
                    job.queued.set(false);
                }
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else {
                    tellFinished(done);
                    result.complete(done);
                }
            });
        } catch (RejectedExecutionException e) {
            job.queued.set(false);
            result.complete(new JobResult(job.name, trigger, false, JobStatus.SKIPPED, null, job.nextRunAt));
        }
        return result;
    }

    private JobResult execute(Job job, JobTrigger trigger) {
        JobResult done = RecordedRun.execute(session, job.name, trigger, job.work, job.policy, clock, job.nextRunAt);
        if (done.ran()) {
            job.nextRunAt = done.nextRunAt();
        }
        return done;
    }

    private void tellFinished(JobResult done) {
        if (!done.ran()) {
            return;
        }
        for (Consumer<JobResult> listener : finishedListeners) {
            try {
                listener.accept(done);
            } catch (RuntimeException e) {
                // A listener's failure must not hide the result from the caller waiting on it.
                LOG.warn("A job listener failed ({}).", e.getClass().getSimpleName());
            }
        }
    }

    private void tickQuietly() {
        try {
            runDueJobs();
        } catch (RuntimeException e) {
            // A closed database or a failed write must not end the periodic task.
            LOG.warn("Checking for due jobs failed ({}).", e.getClass().getSimpleName());
        }
    }
}
