package dev.keyward.app.ui.jobs;

import dev.keyward.app.session.SessionServices;
import dev.keyward.app.ui.tray.Notification;
import dev.keyward.app.ui.tray.Notifier;
import dev.keyward.automation.dashboard.refresh.KeyRefreshResult;
import dev.keyward.automation.dashboard.service.DashboardService;
import dev.keyward.automation.dashboard.DashboardCard;
import dev.keyward.automation.jobs.JobCatalog;
import dev.keyward.automation.jobs.JobOutcome;
import dev.keyward.automation.jobs.JobResult;
import dev.keyward.automation.jobs.JobTrigger;
import dev.keyward.automation.jobs.JobWork;
import dev.keyward.automation.jobs.SessionScheduler;
import dev.keyward.automation.jobs.UnlockRule;
import dev.keyward.vault.jobs.JobName;
import dev.keyward.vault.jobs.JobStatus;
import dev.keyward.vault.session.VaultSession;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background jobs of one unlocked desktop session: every job of the session's {@link JobCatalog}
 * (those that need automation once the profile uses it), on a {@link SessionScheduler} that starts
 * with the unlock, goes on while the window is locked, and is closed before the session at
 * lock-and-stop. After each run it tells the user what needs them through the shell's {@link Notifier}.
 */
public final class BackgroundJobs implements SessionJobs, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundJobs.class);
    private static final String NOT_SET_UP = "Nothing to refresh: this profile does not use automation yet. "
            + "Open Dashboard and turn it on to watch your keys.";

    private final VaultSession session;
    private final Notifier notifier;
    private final JobsConfig config;
    private final SessionScheduler scheduler;
    private final DashboardService dashboard;
    private final JobCatalog catalog;
    private final AutoCloseable driftAlerts;
    private final AutoCloseable urgentFindings;
    private final Map<JobName, List<Consumer<JobResult>>> listeners = new ConcurrentHashMap<>();
    private final Set<JobName> registered = ConcurrentHashMap.newKeySet();
    /**
     * Registers automation jobs that became possible mid-session, off the JavaFX thread (it reads the vault):
     * on a page's request and at every tick, so enabling automation anywhere puts them on their schedule.
     */
    private final ScheduledExecutorService lateSetup = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "keyward-jobs-setup");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger lastDashboardKeys = new AtomicInteger(-1);
    private volatile boolean closed;

    private BackgroundJobs(SessionServices services, Notifier notifier, JobsConfig config) {
        this.session = services.session();
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.config = Objects.requireNonNull(config, "config");
        this.scheduler = new SessionScheduler(session, session.clock(), config.tick());
        this.dashboard = services.dashboard();
        this.catalog = services.jobs();
        this.urgentFindings = services.onUrgentFindings(urgent -> post(List.of(FindingNotices.of(urgent))));
        this.driftAlerts = dashboard.alerts().subscribe(alert -> post(List.of(
                new Notification("Dashboard page changed: " + alert.providerSlug(), alert.message(),
                        Notification.Urgency.ATTENTION))));
        scheduler.onFinished(this::finished);
    }

    /**
     * Builds, registers and starts the session's jobs; catch-up runs start at once. Call it off the
     * JavaFX thread: it reads and writes {@code scheduled_jobs}.
     */
    public static BackgroundJobs start(SessionServices services, Notifier notifier, JobsConfig config) {
        BackgroundJobs jobs = new BackgroundJobs(services, notifier, config);
        try {
            boolean automation = jobs.session.automationEnabled();
            for (JobName job : jobs.catalog.names()) {
                JobCatalog.Entry entry = jobs.catalog.entry(job);
                if (automation || !entry.needsAutomation()) {
                    jobs.register(job, entry.atUnlock());
                }
            }
            jobs.scheduler.start();
            if (!jobs.registered.contains(JobName.DASHBOARD_REFRESH)) {
                long tick = config.tick().toMillis();
                jobs.lateSetup.scheduleWithFixedDelay(jobs::registerLateQuietly, tick, tick, TimeUnit.MILLISECONDS);
            }
            return jobs;
        } catch (RuntimeException e) {
            jobs.close();
            throw e;
        }
    }

    @Override
    public CompletableFuture<JobResult> runNow(JobName job) {
        if (closed) {
            return CompletableFuture.completedFuture(notRun(job, "The vault is locked and stopped; unlock it to run jobs."));
        }
        if (registered.contains(job)) {
            return scheduler.runNow(job);
        }
        try {
            return CompletableFuture.supplyAsync(this::registerLate, lateSetup)
                    .thenCompose(ok -> ok && registered.contains(job) ? scheduler.runNow(job)
                            : CompletableFuture.completedFuture(notRun(job, NOT_SET_UP)));
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(notRun(job, "The vault is locked and stopped; unlock it to run jobs."));
        }
    }

    @Override
    public AutoCloseable onFinished(JobName job, Consumer<JobResult> listener) {
        Objects.requireNonNull(listener, "listener");
        List<Consumer<JobResult>> forJob = listeners.computeIfAbsent(job, j -> new CopyOnWriteArrayList<>());
        forJob.add(listener);
        return () -> forJob.remove(listener);
    }

    @Override
    public Optional<Instant> nextRunAt(JobName job) {
        return scheduler.nextRunAt(job);
    }

    /**
     * The tray's "Refresh now": runs the dashboard refresh and tells the user how it went, plainly
     * when there was nothing to refresh or a refresh was already running.
     */
    public CompletableFuture<Notification> refreshFromTray() {
        return runNow(JobName.DASHBOARD_REFRESH)
                .handle((result, error) -> RefreshReplies.of(result, error, lastDashboardKeys.get()))
                .whenComplete((reply, error) -> {
                    if (reply != null) {
                        post(List.of(reply));
                    }
                });
    }

    /** True when these are the jobs of {@code other} (unlocking a locked window keeps its session and jobs). */
    public boolean isFor(VaultSession other) {
        return session == other;
    }

    /** Stops the clock and interrupts running jobs; call it before the session closes (lock and stop, quit). */
    @Override
    public void close() {
        closed = true;
        lateSetup.shutdownNow();
        scheduler.close();
        try {
            driftAlerts.close();
            urgentFindings.close();
        } catch (Exception e) {
            LOG.debug("Unsubscribing from dashboard alerts failed ({}).", e.getClass().getSimpleName());
        }
        // The services (discovery's fetcher, the HTTP client) are the session's; they close with it.
    }

    private void registerLateQuietly() {
        try {
            registerLate();
        } catch (RuntimeException e) {
            // A closed or busy vault must not end the periodic check; the next tick tries again.
            LOG.debug("Checking whether automation was enabled failed ({}).", e.getClass().getSimpleName());
        }
    }

    private synchronized boolean registerLate() {
        if (!registered.contains(JobName.DASHBOARD_REFRESH) && session.automationEnabled()) {
            // The user turned automation on in this session: run on demand now, then on the schedule.
            for (JobName job : catalog.names()) {
                if (catalog.entry(job).needsAutomation()) {
                    register(job, UnlockRule.NEVER);
                }
            }
        }
        return registered.contains(JobName.DASHBOARD_REFRESH);
    }

    /** Registers the catalog's job; the dashboard refresh also tells the user what changed. */
    private void register(JobName job, UnlockRule atUnlock) {
        JobCatalog.Entry entry = catalog.entry(job);
        JobWork work = job == JobName.DASHBOARD_REFRESH ? this::refreshDashboard : entry.work();
        scheduler.register(job, work, entry.policy(), atUnlock);
        registered.add(job);
    }

    /** One dashboard refresh, told to the user as changes since the cards it started from. */
    private JobOutcome refreshDashboard(JobTrigger trigger) throws Exception {
        // Unknown until this run ends: a run that throws must not be reported with an earlier run's count.
        lastDashboardKeys.set(-1);
        List<DashboardCard> before = dashboard.overview();
        List<KeyRefreshResult> refreshed = new CopyOnWriteArrayList<>();
        JobOutcome outcome = catalog.dashboardRefresh(refreshed::add).run(trigger);
        lastDashboardKeys.set(refreshed.size());
        post(DashboardNotices.after(before, refreshed));
        return outcome;
    }

    private void finished(JobResult result) {
        List<Consumer<JobResult>> forJob = listeners.get(result.job());
        if (closed || forJob == null || forJob.isEmpty()) {
            return;
        }
        config.uiThread().execute(() -> {
            for (Consumer<JobResult> listener : forJob) {
                if (closed) {
                    return;
                }
                try {
                    listener.accept(result);
                } catch (RuntimeException e) {
                    LOG.warn("A page's job listener failed ({}).", e.getClass().getSimpleName());
                }
            }
        });
    }

    /** Posts through the shell, each text passed through the session's redactor as a last guard. */
    private void post(List<Notification> notices) {
        for (Notification n : notices) {
            if (closed) {
                return;
            }
            notifier.post(new Notification(session.redactor().redact(n.title()), session.redactor().redact(n.text()),
                    n.urgency(), n.action()));
        }
    }

    private static JobResult notRun(JobName job, String sentence) {
        return new JobResult(job, JobTrigger.ON_DEMAND, false, JobStatus.SKIPPED, sentence, null);
    }
}
