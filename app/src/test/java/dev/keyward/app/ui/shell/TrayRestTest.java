package dev.keyward.app.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrayRestTest {

    /** A timer whose delays pass when the test says so. */
    private static final class HandTimer implements TrayRest.Timer {
        record Waiting(Duration delay, Runnable task, boolean[] stopped) {
        }

        final List<Waiting> waiting = new ArrayList<>();

        @Override
        public Runnable after(Duration delay, Runnable task) {
            Waiting w = new Waiting(delay, task, new boolean[1]);
            waiting.add(w);
            return () -> w.stopped()[0] = true;
        }

        /** Lets every started, unstopped delay pass (and those their tasks start). */
        void pass() {
            for (int i = 0; i < waiting.size(); i++) {
                Waiting w = waiting.get(i);
                if (!w.stopped()[0]) {
                    w.stopped()[0] = true;
                    w.task().run();
                }
            }
        }

        long running() {
            return waiting.stream().filter(w -> !w.stopped()[0]).count();
        }
    }

    private final HandTimer timer = new HandTimer();
    private final int[] givenBack = {0};
    private final TrayRest rest = new TrayRest(timer, () -> givenBack[0]++);

    @Test
    void aWindowClosedToTheTrayWhileLockedHandsMemoryBackTwice() {
        rest.phase(SessionPhase.LOCKED);
        rest.windowShown(false);
        assertTrue(rest.resting());
        timer.pass();
        assertEquals(TrayRest.PASSES.size(), givenBack[0], "the pass after the close, and the later one for soft caches");
        assertEquals(0, timer.running(), "no pass is left waiting once both ran");
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(28)), timer.waiting.stream().map(HandTimer.Waiting::delay).toList());
    }

    @Test
    void aWindowClosedWhileStoppedRestsToo() {
        rest.phase(SessionPhase.STOPPED);
        rest.windowShown(false);
        timer.pass();
        assertEquals(2, givenBack[0]);
    }

    @Test
    void anUnlockedProfileInTheTrayDoesNotRest() {
        // Closed to the tray while unlocked: background refresh runs and the window comes back as it was.
        rest.phase(SessionPhase.UNLOCKED);
        rest.windowShown(false);
        assertFalse(rest.resting());
        timer.pass();
        assertEquals(0, givenBack[0]);
        assertEquals(0, timer.waiting.size());
    }

    @Test
    void openingTheWindowBeforeAPassCancelsIt() {
        rest.phase(SessionPhase.LOCKED);
        rest.windowShown(false);
        rest.windowShown(true);
        timer.pass();
        assertEquals(0, givenBack[0]);
    }

    @Test
    void unlockingFromTheTrayBetweenThePassesStopsTheSecond() {
        rest.phase(SessionPhase.LOCKED);
        rest.windowShown(false);
        // Only the first delay passes.
        timer.waiting.get(0).stopped()[0] = true;
        timer.waiting.get(0).task().run();
        assertEquals(1, givenBack[0]);
        rest.phase(SessionPhase.UNLOCKING);
        timer.pass();
        assertEquals(1, givenBack[0], "an unlock began: the second pass does not run");
    }

    @Test
    void theNextCloseToTheTrayRestsAgain() {
        rest.phase(SessionPhase.STOPPED);
        rest.windowShown(false);
        timer.pass();
        rest.windowShown(true);
        rest.windowShown(false);
        timer.pass();
        assertEquals(4, givenBack[0]);
    }

    @Test
    void quittingEndsTheRest() {
        rest.phase(SessionPhase.STOPPED);
        rest.windowShown(false);
        rest.phase(SessionPhase.CLOSED);
        timer.pass();
        assertEquals(0, givenBack[0]);
    }
}
