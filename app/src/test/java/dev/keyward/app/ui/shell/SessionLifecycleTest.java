package dev.keyward.app.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The session state machine: every legal transition is taken, every other one is refused and changes nothing. */
class SessionLifecycleTest {

    /** Stand-ins for a session and its jobs; the lifecycle only holds and hands them back. */
    private record Session(String name) {
    }

    private record Jobs(String name) {
    }

    private static final Session SESSION = new Session("work");
    private static final Jobs JOBS = new Jobs("work jobs");

    /** The phases each phase may become; everything else is illegal. */
    private static final Map<SessionPhase, Set<SessionPhase>> LEGAL = new EnumMap<>(Map.of(
            SessionPhase.STOPPED, EnumSet.of(SessionPhase.UNLOCKING, SessionPhase.CLOSED),
            SessionPhase.UNLOCKING, EnumSet.of(SessionPhase.UNLOCKED, SessionPhase.STOPPING),
            SessionPhase.UNLOCKED, EnumSet.of(SessionPhase.LOCKED, SessionPhase.STOPPING, SessionPhase.UNLOCKING),
            SessionPhase.LOCKED, EnumSet.of(SessionPhase.UNLOCKING, SessionPhase.STOPPING),
            SessionPhase.STOPPING, EnumSet.of(SessionPhase.STOPPED, SessionPhase.UNLOCKING, SessionPhase.CLOSED),
            SessionPhase.CLOSED, EnumSet.noneOf(SessionPhase.class)));

    /** One way to ask for each target phase. */
    private static final Map<SessionPhase, Function<SessionLifecycle<Session, Jobs>, Boolean>> ASK = new EnumMap<>(Map.of(
            SessionPhase.UNLOCKING, l -> l.beginUnlock(SESSION),
            SessionPhase.UNLOCKED, l -> l.finishUnlock(SESSION, JOBS),
            SessionPhase.LOCKED, SessionLifecycle::lock,
            SessionPhase.STOPPING, l -> !l.stop().isEmpty(),
            SessionPhase.STOPPED, SessionLifecycle::stopped,
            SessionPhase.CLOSED, SessionLifecycle::close));

    /** A lifecycle brought to {@code phase} through legal transitions only. */
    private static SessionLifecycle<Session, Jobs> in(SessionPhase phase) {
        SessionLifecycle<Session, Jobs> l = new SessionLifecycle<>();
        switch (phase) {
            case STOPPED -> { }
            case UNLOCKING -> assertTrue(l.beginUnlock(SESSION));
            case UNLOCKED -> {
                assertTrue(l.beginUnlock(SESSION));
                assertTrue(l.finishUnlock(SESSION, JOBS));
            }
            case LOCKED -> {
                assertTrue(l.beginUnlock(SESSION));
                assertTrue(l.finishUnlock(SESSION, JOBS));
                assertTrue(l.lock());
            }
            case STOPPING -> {
                assertTrue(l.beginUnlock(SESSION));
                assertTrue(l.finishUnlock(SESSION, JOBS));
                assertFalse(l.stop().isEmpty());
            }
            case CLOSED -> assertTrue(l.close());
        }
        assertEquals(phase, l.phase());
        return l;
    }

    @Test
    void theTransitionTableIsExactlyTheLegalOne() {
        for (SessionPhase from : SessionPhase.values()) {
            for (SessionPhase to : SessionPhase.values()) {
                assertEquals(LEGAL.get(from).contains(to), from.mayBecome(to), from + " -> " + to);
            }
        }
    }

    @Test
    void everyLegalTransitionIsTakenAndAnnounced() {
        for (SessionPhase from : SessionPhase.values()) {
            for (SessionPhase to : LEGAL.get(from)) {
                SessionLifecycle<Session, Jobs> l = in(from);
                List<SessionPhase> heard = new ArrayList<>();
                l.observe(heard::add);
                assertTrue(ASK.get(to).apply(l), from + " -> " + to + " is legal");
                assertEquals(to, l.phase(), from + " -> " + to);
                assertEquals(List.of(to), heard, from + " -> " + to + " is announced once");
            }
        }
    }

    @Test
    void everyIllegalTransitionIsRefusedAndChangesNothing() {
        for (SessionPhase from : SessionPhase.values()) {
            for (SessionPhase to : SessionPhase.values()) {
                if (LEGAL.get(from).contains(to)) {
                    continue;
                }
                SessionLifecycle<Session, Jobs> l = in(from);
                Session session = l.session();
                Jobs jobs = l.jobs();
                List<SessionPhase> heard = new ArrayList<>();
                l.observe(heard::add);
                assertFalse(ASK.get(to).apply(l), from + " -> " + to + " is illegal");
                assertEquals(from, l.phase(), from + " -> " + to + " left the phase alone");
                assertSame(session, l.session(), from + " -> " + to + " left the session alone");
                assertSame(jobs, l.jobs(), from + " -> " + to + " left the jobs alone");
                assertTrue(heard.isEmpty(), from + " -> " + to + " announced nothing");
            }
        }
    }

    @Test
    void aLateUnlockOfAStoppedSessionIsRefused() {
        SessionLifecycle<Session, Jobs> l = in(SessionPhase.UNLOCKING);
        SessionLifecycle.Closing<Session, Jobs> taken = l.stop();
        assertSame(SESSION, taken.session());
        assertFalse(l.finishUnlock(SESSION, JOBS), "the jobs arrived after lock-and-stop: the caller must close them");
        assertEquals(SessionPhase.STOPPING, l.phase());
        assertNull(l.jobs());
    }

    @Test
    void finishingTheUnlockOfAnotherSessionIsRefused() {
        SessionLifecycle<Session, Jobs> l = in(SessionPhase.STOPPING);
        assertTrue(l.beginUnlock(new Session("side-project")));
        assertFalse(l.finishUnlock(SESSION, JOBS));
        assertEquals(SessionPhase.UNLOCKING, l.phase());
        assertFalse(l.stopped(), "the old session's close finishing must not stop the new unlock");
        assertEquals(SessionPhase.UNLOCKING, l.phase());
    }

    @Test
    void stoppingHandsOverTheSessionAndItsJobsOnce() {
        SessionLifecycle<Session, Jobs> l = in(SessionPhase.LOCKED);
        SessionLifecycle.Closing<Session, Jobs> taken = l.stop();
        assertSame(SESSION, taken.session());
        assertSame(JOBS, taken.jobs());
        assertNull(l.session());
        assertNull(l.jobs());
        assertTrue(l.stop().isEmpty(), "a second stop has nothing to close");
    }

    @Test
    void unlockingAKeptSessionKeepsItsJobsAndStaysShownAsLocked() {
        SessionLifecycle<Session, Jobs> l = in(SessionPhase.LOCKED);
        assertSame(SESSION, l.keptSession());
        assertTrue(l.beginUnlock(SESSION));
        assertSame(JOBS, l.jobs());
        assertEquals(LockState.LOCKED, l.lockState());
        assertNull(l.keptSession(), "only a locked lifecycle hands its session back");
    }

    @Test
    void anotherSessionCannotReplaceTheShownOne() {
        SessionLifecycle<Session, Jobs> l = in(SessionPhase.UNLOCKED);
        assertFalse(l.beginUnlock(new Session("side-project")), "the shown session would be lost unclosed");
        assertEquals(SessionPhase.UNLOCKED, l.phase());
        assertSame(SESSION, l.session());
    }

    @Test
    void adoptingTheShownSessionAgainKeepsItsJobsAndStaysShownAsUnlocked() {
        SessionLifecycle<Session, Jobs> l = in(SessionPhase.UNLOCKED);
        assertTrue(l.beginUnlock(SESSION));
        assertSame(JOBS, l.jobs());
        assertEquals(LockState.UNLOCKED, l.lockState());
        assertTrue(l.finishUnlock(SESSION, JOBS));
    }

    @Test
    void unlockingAfterAStopStartsWithoutJobs() {
        SessionLifecycle<Session, Jobs> l = in(SessionPhase.STOPPED);
        assertTrue(l.beginUnlock(SESSION));
        assertNull(l.jobs());
        assertEquals(LockState.STOPPED, l.lockState());
    }

    @ParameterizedTest
    @EnumSource(SessionPhase.class)
    void eachPhaseShowsOneLock(SessionPhase phase) {
        LockState expected = switch (phase) {
            case UNLOCKED -> LockState.UNLOCKED;
            case LOCKED -> LockState.LOCKED;
            case STOPPED, UNLOCKING, STOPPING, CLOSED -> LockState.STOPPED;
        };
        assertEquals(expected, in(phase).lockState());
    }
}
