package dev.keyward.app.agent;

import dev.keyward.app.session.SessionServices;
import dev.keyward.vault.session.VaultSession;
import java.time.Instant;

/**
 * The unlocked session an agent serves, with its services and since when. The agent lends it to
 * commands and never closes it: its owner (the desktop, or the headless agent's process) does.
 */
public record ServedSession(VaultSession session, SessionServices services, Instant since) {
}
