package dev.keyward.automation.dashboard.collect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyward.automation.dashboard.CollectionMethod;
import dev.keyward.automation.dashboard.CollectionResult;
import dev.keyward.automation.dashboard.CollectionStatus;
import dev.keyward.automation.dashboard.FailureCause;
import dev.keyward.automation.dashboard.HealthStatus;
import dev.keyward.automation.dashboard.ServiceStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of a collection whose validity probe answered 2xx, filled in step by step: the key is
 * valid, and each later problem (usage unreadable, usage endpoint failing) makes it partial.
 */
final class ResultDraft {

    private final ObjectNode usage = JsonBodies.newObject();
    private final ObjectNode config = JsonBodies.newObject();
    private final ObjectNode restrictions = JsonBodies.newObject();
    private final List<String> problems = new ArrayList<>();
    private FailureCause firstCause = FailureCause.NONE;
    private boolean throttled;

    ObjectNode usage() {
        return usage;
    }

    ObjectNode config() {
        return config;
    }

    ObjectNode restrictions() {
        return restrictions;
    }

    /** Records that part of the collection fell short. */
    void problem(FailureCause cause, String sentence) {
        problems.add(sentence);
        throttled |= cause == FailureCause.RATE_LIMITED;
        if (firstCause == FailureCause.NONE) {
            firstCause = cause;
        }
    }

    /** Copies a whole-number response header (e.g. a rate limit) into {@code target} under {@code field}. */
    static void copyWholeHeader(ProviderAnswer.Answered answer, String header, ObjectNode target, String field) {
        answer.header(header).filter(value -> value.matches("[0-9]{1,18}"))
                .ifPresent(value -> target.put(field, Long.parseLong(value)));
    }

    CollectionResult build() {
        // A 429 on a later endpoint still means the key is being throttled right now.
        HealthStatus health = throttled ? HealthStatus.DEGRADED : HealthStatus.VALID;
        return new CollectionResult(
                CollectionMethod.API,
                problems.isEmpty() ? CollectionStatus.SUCCESS : CollectionStatus.PARTIAL,
                JsonBodies.columnText(usage),
                JsonBodies.columnText(config),
                JsonBodies.columnText(restrictions),
                health,
                ServiceStatus.UNKNOWN,
                List.of(),
                problems.isEmpty() ? null : String.join(" ", problems),
                firstCause);
    }
}
