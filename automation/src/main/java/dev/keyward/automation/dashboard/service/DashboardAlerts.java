package dev.keyward.automation.dashboard.service;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerts the dashboard raises for the user (a provider's dashboard page changed and its selectors
 * broke), handed to whoever subscribed: the desktop shows a notification, the CLI prints them. The
 * last alerts are kept for a UI that subscribes late; the audit log keeps them for good.
 */
public final class DashboardAlerts {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardAlerts.class);
    private static final int KEPT = 50;

    /** What an alert is about. */
    public enum Kind {
        /** Selectors of a provider's dashboard no longer match its page. */
        SELECTOR_DRIFT
    }

    /**
     * One alert.
     *
     * @param kind         what happened
     * @param providerSlug the provider concerned
     * @param message      a sentence for the user (redacted, no values)
     * @param at           when it was raised
     */
    public record Alert(Kind kind, String providerSlug, String message, Instant at) {
        public Alert {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(providerSlug, "providerSlug");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(at, "at");
        }
    }

    private final List<Consumer<Alert>> listeners = new CopyOnWriteArrayList<>();
    private final Deque<Alert> recent = new ArrayDeque<>();

    /** Calls {@code listener} with every later alert, on the thread that raised it; close to stop. */
    public AutoCloseable subscribe(Consumer<Alert> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }

    /** The last alerts raised in this session, oldest first. */
    public synchronized List<Alert> recent() {
        return new ArrayList<>(recent);
    }

    void raise(Alert alert) {
        synchronized (this) {
            recent.addLast(alert);
            while (recent.size() > KEPT) {
                recent.removeFirst();
            }
        }
        for (Consumer<Alert> listener : listeners) {
            try {
                listener.accept(alert);
            } catch (RuntimeException e) {
                LOG.warn("A dashboard alert listener failed ({}).", e.getClass().getSimpleName());
            }
        }
    }
}
