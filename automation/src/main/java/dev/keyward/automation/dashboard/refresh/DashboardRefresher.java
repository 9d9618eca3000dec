package dev.keyward.automation.dashboard.refresh;

import dev.keyward.automation.dashboard.CollectionMethod;
import dev.keyward.automation.dashboard.CollectionResult;
import dev.keyward.automation.dashboard.FailureCause;
import dev.keyward.automation.dashboard.HealthStatus;
import dev.keyward.automation.dashboard.KeyTarget;
import dev.keyward.automation.dashboard.ServiceStatus;
import dev.keyward.automation.dashboard.WarningRules;
import dev.keyward.automation.dashboard.collect.CollectorCatalog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes the dashboard snapshots of a list of keys: collects each (API, scrape or cached) with
 * bounded concurrency, per-provider rate limits and bounded retries, then adds the status page's
 * view, the warnings and redaction. Storing the results is the caller's job.
 */
public final class DashboardRefresher {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardRefresher.class);

    private final RefreshSeams seams;
    private final WarningRules warningRules;
    private final RefreshTiming timing;
    private final KeyCollection collection;

    public DashboardRefresher(CollectorCatalog catalog, RefreshSeams seams, RefreshSettings settings,
                              WarningRules warningRules, RefreshTiming timing) {
        this.seams = Objects.requireNonNull(seams, "seams");
        this.warningRules = Objects.requireNonNull(warningRules, "warningRules");
        this.timing = Objects.requireNonNull(timing, "timing");
        this.collection = new KeyCollection(Objects.requireNonNull(catalog, "catalog"), seams,
                Objects.requireNonNull(settings, "settings"), timing);
    }

    /** Refreshes every target and returns one result per target, in the targets' order. */
    public List<KeyRefreshResult> refresh(List<KeyTarget> targets) throws InterruptedException {
        return refresh(targets, RefreshListener.ignoring());
    }

    /**
     * Refreshes every target, telling {@code listener} about each key as it finishes, and returns one
     * result per target in the targets' order.
     *
     * @throws InterruptedException when the calling thread is interrupted; unfinished keys are abandoned
     */
    public List<KeyRefreshResult> refresh(List<KeyTarget> targets, RefreshListener listener) throws InterruptedException {
        ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
        try {
            List<Future<KeyRefreshResult>> pending = new ArrayList<>(targets.size());
            for (KeyTarget target : targets) {
                pending.add(workers.submit(() -> refreshOne(target, listener)));
            }
            List<KeyRefreshResult> results = new ArrayList<>(targets.size());
            for (Future<KeyRefreshResult> future : pending) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            workers.shutdownNow();
            throw e;
        } catch (ExecutionException e) {
            workers.shutdownNow();
            throw new IllegalStateException("A dashboard refresh worker failed unexpectedly.", e.getCause());
        } finally {
            workers.shutdown();
        }
    }

    private KeyRefreshResult refreshOne(KeyTarget target, RefreshListener listener) {
        KeyCollection.Attempted attempted;
        try {
            attempted = collection.collect(target);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new KeyRefreshResult(target, timing.clock().instant(), CollectionResult.failed(
                    CollectionMethod.API, HealthStatus.UNKNOWN,
                    FailureCause.INTERRUPTED, "The refresh was stopped before this key was collected."), 0);
        }
        KeyRefreshResult finished = finish(target, attempted);
        log(finished);
        try {
            listener.refreshed(finished);
        } catch (RuntimeException e) {
            LOG.warn("Handing on the dashboard snapshot of secret {} failed ({}).",
                    target.secretId(), e.getClass().getSimpleName());
        }
        return finished;
    }

    private KeyRefreshResult finish(KeyTarget target, KeyCollection.Attempted attempted) {
        ServiceStatus service = serviceStatusOf(target.providerSlug());
        CollectionResult result = attempted.result().withService(service);
        boolean incident = service == ServiceStatus.OUTAGE || service == ServiceStatus.DEGRADED;
        if (incident && result.health() == HealthStatus.UNKNOWN && result.cause().pointsAtService()) {
            // A timeout or 5xx is only called an outage when the status page confirms an incident.
            result = result.withHealth(HealthStatus.OUTAGE);
        }
        Instant now = timing.clock().instant();
        result = result.withMoreWarnings(warningRules.warningsFor(target, result, now)).redactedBy(seams.redactor());
        return new KeyRefreshResult(target, now, result, attempted.attempts());
    }

    private ServiceStatus serviceStatusOf(String providerSlug) {
        try {
            ServiceStatus status = seams.statusPages().statusOf(providerSlug);
            return status == null ? ServiceStatus.UNKNOWN : status;
        } catch (RuntimeException e) {
            LOG.warn("The status page lookup for {} failed ({}); service status is unknown.",
                    providerSlug, e.getClass().getSimpleName());
            return ServiceStatus.UNKNOWN;
        }
    }

    private static void log(KeyRefreshResult finished) {
        CollectionResult result = finished.result();
        // Only redacted, body-free sentences and enum values are logged; never a key or a response.
        LOG.info("Dashboard snapshot of secret {} ({}): {} {}, health {}, service {}, {} attempt(s){}",
                finished.target().secretId(), finished.target().providerSlug(),
                result.method().dbValue(), result.status().dbValue(), result.health().dbValue(),
                result.service().dbValue(), finished.attempts(),
                result.errorMessageRedacted() == null ? "" : ": " + result.errorMessageRedacted());
    }
}
