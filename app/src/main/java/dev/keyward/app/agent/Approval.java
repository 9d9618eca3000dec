package dev.keyward.app.agent;

/** A person's answer to an {@link AccessRequest} (or the answer given for them when nobody answers). */
public enum Approval {
    /** This request only. */
    ALLOW_ONCE,
    /** This request and, for ten minutes, the same kind of request from the same terminal session. */
    ALLOW_TERMINAL_SESSION,
    /** Refused by the person, or not answered within the time allowed. */
    DENY;

    /** Whether the request may go ahead. */
    public boolean allows() {
        return this != DENY;
    }
}
