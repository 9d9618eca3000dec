package dev.keyward.app.agent;

/** Where approval decisions are recorded: the session's audit log in the app, a list in tests. */
@FunctionalInterface
public interface ApprovalAudit {

    /**
     * Records {@code outcome} for {@code client}; throws when it cannot (the caller then refuses
     * rather than allow something unrecorded). The description is already redacted.
     */
    void record(ClientDescription client, ApprovalOutcome outcome);
}
