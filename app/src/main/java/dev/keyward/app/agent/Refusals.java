package dev.keyward.app.agent;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why recent requests were refused, kept until the agent asks {@link Approvals#refusal} for the
 * sentence to answer with. Bounded: an agent that never asks cannot make it grow.
 */
final class Refusals {

    private static final int KEPT = 256;

    private final Map<AccessRequest, ApprovalOutcome> why = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<AccessRequest, ApprovalOutcome> eldest) {
            return size() > KEPT;
        }
    };

    /** Notes {@code outcome} for {@code request} when it refuses, and returns what {@code decide} answers. */
    synchronized Approval note(AccessRequest request, ApprovalOutcome outcome) {
        if (!outcome.approval().allows()) {
            why.put(request, outcome);
        }
        return outcome.approval();
    }

    /** Why {@code request} was refused, forgetting it; {@link ApprovalOutcome#DENIED} when not known. */
    synchronized ApprovalOutcome take(AccessRequest request) {
        ApprovalOutcome outcome = why.remove(request);
        return outcome == null ? ApprovalOutcome.DENIED : outcome;
    }
}
