package dev.keyward.app.agent;

import java.time.Duration;

/**
 * One question for the person: who asks for what, how long they have to answer, and how long an
 * "Allow for this terminal session" grant would last (offered only when the client has a terminal session).
 */
public record ApprovalQuestion(ClientDescription client, Duration answerWithin, Duration grantFor) {

    /** Whether the "Allow for this terminal session" answer may be offered. */
    public boolean offersTerminalGrant() {
        return client.terminalGrant();
    }
}
