package dev.keyward.automation.practice;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The queue of {@link ApiFault}s waiting for the next {@code /v1} calls; each call takes at most one.
 */
public final class ApiFaults {

    private final Deque<ApiFault> queue = new ArrayDeque<>();

    ApiFaults() {
    }

    /** Makes the next {@code count} API calls (after any already queued) misbehave with {@code fault}. */
    public synchronized void forceNext(int count, ApiFault fault) {
        if (count < 0) {
            throw new IllegalArgumentException("The number of forced API calls cannot be negative.");
        }
        for (int i = 0; i < count; i++) {
            queue.addLast(fault);
        }
    }

    /** How many forced answers are still waiting. */
    public synchronized int pending() {
        return queue.size();
    }

    /** Drops every forced answer still waiting. */
    public synchronized void clear() {
        queue.clear();
    }

    synchronized Optional<ApiFault> takeNext() {
        return Optional.ofNullable(queue.pollFirst());
    }
}
