package dev.keyward.app.ui.discovery;

import dev.keyward.app.ui.jobs.SessionJobs;
import dev.keyward.automation.dashboard.service.DashboardService;
import dev.keyward.automation.discovery.CheckPace;
import dev.keyward.automation.discovery.Trigger;
import dev.keyward.automation.discovery.service.DiscoveryOutcome;
import dev.keyward.automation.discovery.service.DiscoveryService;
import dev.keyward.automation.jobs.JobCatalog;
import dev.keyward.automation.jobs.JobOutcome;
import dev.keyward.automation.jobs.JobResult;
import dev.keyward.automation.jobs.JobTrigger;
import dev.keyward.automation.retention.RetentionJob;
import dev.keyward.vault.jobs.JobName;
import dev.keyward.vault.jobs.JobState;
import dev.keyward.vault.jobs.JobStatus;
import dev.keyward.vault.session.VaultSession;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * A small real {@link SessionJobs} for the tests: "run now" runs discovery (DiscoveryService over the session)
 * through the job catalog, recorded in scheduled_jobs, on its own thread and tells the listeners on the JavaFX thread.
 */
final class DiscoveryTestJobs implements SessionJobs, AutoCloseable {

    private final VaultSession session;
    private final DiscoveryService service;
    private final JobCatalog catalog;
    private final List<Consumer<JobResult>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger asked = new AtomicInteger();

    DiscoveryTestJobs(VaultSession session) {
        this.session = session;
        this.service = new DiscoveryService(session);
        this.catalog = new JobCatalog(session, new DashboardService(session), service, new RetentionJob(session),
                ZoneId.systemDefault());
    }

    /** How often a page asked for a run. */
    int asked() {
        return asked.get();
    }

    int listening() {
        return listeners.size();
    }

    @Override
    public CompletableFuture<JobResult> runNow(JobName name) {
        asked.incrementAndGet();
        if (name != JobName.DISCOVERY) {
            throw new IllegalArgumentException("These test jobs run discovery only, not " + name);
        }
        return CompletableFuture.supplyAsync(() -> {
            Optional<DiscoveryOutcome> outcome = catalog.runNow(name,
                    () -> service.run(Trigger.ON_DEMAND, null, CheckPace.PACED),
                    ran -> new JobOutcome(ran.jobStatus(), ran.jobError()));
            if (outcome.isEmpty()) {
                return new JobResult(name, JobTrigger.ON_DEMAND, false, JobStatus.SKIPPED, null, null);
            }
            JobState state = session.jobs().state(name).orElseThrow();
            JobResult result = new JobResult(name, JobTrigger.ON_DEMAND, true,
                    JobStatus.valueOf(state.lastStatus().toUpperCase(Locale.ROOT)), state.lastErrorRedacted(),
                    state.nextRunAt());
            Platform.runLater(() -> listeners.forEach(l -> l.accept(result)));
            return result;
        });
    }

    @Override
    public AutoCloseable onFinished(JobName name, Consumer<JobResult> listener) {
        if (name != JobName.DISCOVERY) {
            return () -> { };
        }
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public Optional<Instant> nextRunAt(JobName name) {
        return session.jobs().state(name).map(JobState::nextRunAt);
    }

    @Override
    public void close() {
        service.close();
    }
}
