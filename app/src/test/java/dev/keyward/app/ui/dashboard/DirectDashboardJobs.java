package dev.keyward.app.ui.dashboard;

import dev.keyward.app.ui.jobs.SessionJobs;
import dev.keyward.automation.dashboard.refresh.RefreshListener;
import dev.keyward.automation.dashboard.service.DashboardService;
import dev.keyward.automation.dashboard.service.RefreshReport;
import dev.keyward.automation.jobs.JobResult;
import dev.keyward.automation.jobs.JobTrigger;
import dev.keyward.vault.jobs.JobName;
import dev.keyward.vault.jobs.JobStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * A small real {@link SessionJobs} for the page's tests: a dashboard run calls
 * {@link DashboardService#refreshAll} on its own thread, never two at once, and tells the
 * listeners on the JavaFX thread. A test can hold runs at their start to see the page meanwhile.
 */
final class DirectDashboardJobs implements SessionJobs {

    private final DashboardService dashboard;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Consumer<JobResult>> listeners = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch gate = new CountDownLatch(0);

    DirectDashboardJobs(DashboardService dashboard) {
        this.dashboard = dashboard;
    }

    /** Runs that start from now on wait until {@link #release()}. */
    void hold() {
        gate = new CountDownLatch(1);
    }

    void release() {
        gate.countDown();
    }

    boolean isRunning() {
        return running.get();
    }

    int listenerCount() {
        return listeners.size();
    }

    @Override
    public CompletableFuture<JobResult> runNow(JobName job) {
        if (job != JobName.DASHBOARD_REFRESH) {
            throw new IllegalArgumentException("These test jobs only run the dashboard refresh.");
        }
        if (!running.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(
                    new JobResult(job, JobTrigger.ON_DEMAND, false, JobStatus.SKIPPED, null, null));
        }
        CompletableFuture<JobResult> done = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("test-dashboard-refresh").start(() -> {
            try {
                if (!gate.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("The test never released the held run.");
                }
                RefreshReport report = dashboard.refreshAll(false, RefreshListener.ignoring());
                JobResult result = new JobResult(job, JobTrigger.ON_DEMAND, true, report.jobStatus(), report.shortfall(), null);
                running.set(false);
                Platform.runLater(() -> listeners.forEach(listener -> listener.accept(result)));
                done.complete(result);
            } catch (Exception | Error e) {
                running.set(false);
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    @Override
    public AutoCloseable onFinished(JobName job, Consumer<JobResult> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public Optional<Instant> nextRunAt(JobName job) {
        return Optional.empty();
    }
}
