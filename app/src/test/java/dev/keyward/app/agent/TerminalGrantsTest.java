package dev.keyward.app.agent;

import static dev.keyward.app.agent.Requests.change;
import static dev.keyward.app.agent.Requests.inTerminal;
import static dev.keyward.app.agent.Requests.reveal;
import static dev.keyward.app.agent.Requests.withoutTerminal;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.vault.testing.ManualClock;
import java.time.Instant;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TerminalGrantsTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-05T03:00:00Z"));
    private final TerminalGrants grants = new TerminalGrants(clock);

    @Test
    void aGrantCoversTheSameKindFromTheSameTerminalSessionForTenMinutesAndNoLonger() {
        assertTrue(grants.grant(reveal(inTerminal(100, 42, "/dev/pts/3", "secret", "get", "A"), "A")));
        // Another process of the same terminal session, asking for another secret of the same kind.
        assertTrue(grants.covers(reveal(inTerminal(101, 42, "/dev/pts/3", "secret", "get", "B"), "B")));
        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertTrue(grants.covers(reveal(inTerminal(102, 42, "/dev/pts/3"), "B")));
        clock.advance(Duration.ofSeconds(1));
        assertFalse(grants.covers(reveal(inTerminal(103, 42, "/dev/pts/3"), "B")), "ten minutes are up");
    }

    @Test
    void aGrantNeverReachesAnotherKindAnotherSessionAnotherTerminalOrAnotherUser() {
        grants.grant(reveal(inTerminal(100, 42, "/dev/pts/3"), "A"));
        assertFalse(grants.covers(change(inTerminal(100, 42, "/dev/pts/3"), "A")), "a reveal grant allows no change");
        assertFalse(grants.covers(reveal(inTerminal(100, 43, "/dev/pts/3"), "A")), "another session id");
        assertFalse(grants.covers(reveal(inTerminal(100, 42, "/dev/pts/4"), "A")), "another terminal");
        ClientProcess otherUser = new ClientProcess(100, 1001, java.util.Optional.empty(), java.util.List.of(),
                java.util.Optional.empty(), java.util.OptionalLong.of(42), java.util.Optional.of("/dev/pts/3"));
        assertFalse(grants.covers(reveal(otherUser, "A")), "another user");
    }

    @Test
    void aClientWithoutATerminalSessionCanNeitherGetNorUseAGrant() {
        assertFalse(grants.grant(reveal(withoutTerminal(200), "A")));
        assertFalse(grants.covers(reveal(withoutTerminal(200), "A")));
    }

    @Test
    void lockingEndsEveryGrantAndRefusesNewOnes() {
        grants.grant(reveal(inTerminal(100, 42, "/dev/pts/3"), "A"));
        grants.endAll();
        assertFalse(grants.covers(reveal(inTerminal(100, 42, "/dev/pts/3"), "A")));
        assertFalse(grants.grant(reveal(inTerminal(100, 42, "/dev/pts/3"), "A")));
        assertFalse(grants.covers(reveal(inTerminal(100, 42, "/dev/pts/3"), "A")));
    }

    @Test
    void aNewSessionsGrantsStartEmptyAsAfterARestart() {
        grants.grant(reveal(inTerminal(100, 42, "/dev/pts/3"), "A"));
        assertFalse(new TerminalGrants(clock).covers(reveal(inTerminal(100, 42, "/dev/pts/3"), "A")));
    }
}
