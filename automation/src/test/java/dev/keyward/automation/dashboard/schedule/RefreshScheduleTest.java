package dev.keyward.automation.dashboard.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.dashboard.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RefreshScheduleTest {

    // Europe/Berlin is UTC+1 in November, so 22:00 local is 21:00Z and 06:00 local is 05:00Z.
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final TestClock clock = new TestClock("2026-11-10T12:00:00Z");
    private final RefreshSchedule hourlyQuietOvernight =
            RefreshSchedule.fromSettings(3600, 22, 6, BERLIN, clock);

    @Test
    void nextRunIsOneIntervalAfterTheLast() {
        assertEquals(Instant.parse("2026-11-10T13:00:00Z"), hourlyQuietOvernight.nextRunAfter(Instant.parse("2026-11-10T12:00:00Z")));
    }

    @Test
    void nextRunFallingIntoQuietHoursMovesToTheirEnd() {
        Instant lastBeforeQuiet = Instant.parse("2026-11-10T20:30:00Z"); // 21:30 local
        assertEquals(Instant.parse("2026-11-11T05:00:00Z"), hourlyQuietOvernight.nextRunAfter(lastBeforeQuiet));
    }

    @Test
    void nextRunExactlyAtTheQuietStartIsMovedAndAtTheQuietEndIsNot() {
        assertEquals(Instant.parse("2026-11-11T05:00:00Z"),
                hourlyQuietOvernight.nextRunAfter(Instant.parse("2026-11-10T20:00:00Z"))); // due 22:00 local
        assertEquals(Instant.parse("2026-11-11T05:00:00Z"),
                hourlyQuietOvernight.nextRunAfter(Instant.parse("2026-11-11T04:00:00Z"))); // due 06:00 local
    }

    @Test
    void withoutQuietHoursTheIntervalAloneDecides() {
        RefreshSchedule plain = RefreshSchedule.fromSettings(900, 5, 5, BERLIN, clock);
        assertEquals(Instant.parse("2026-11-10T23:15:00Z"), plain.nextRunAfter(Instant.parse("2026-11-10T23:00:00Z")));
    }

    @Test
    void quietNowFollowsTheInjectedClockAndZone() {
        clock.set(Instant.parse("2026-11-10T21:00:00Z"));
        assertTrue(hourlyQuietOvernight.isQuietNow());
        assertFalse(RefreshSchedule.fromSettings(3600, 22, 6, ZoneId.of("UTC"), clock).isQuietNow());
    }

    @Test
    void aRunMissedWhileLockedHappensAtUnlock() {
        UnlockCatchUp catchUp = hourlyQuietOvernight.atUnlock(Optional.of(Instant.parse("2026-11-10T09:00:00Z")));

        assertTrue(catchUp.missed());
        assertEquals(clock.instant(), catchUp.runAt());
    }

    @Test
    void aRunDueExactlyNowCountsAsMissed() {
        assertTrue(hourlyQuietOvernight.atUnlock(Optional.of(Instant.parse("2026-11-10T11:00:00Z"))).missed());
    }

    @Test
    void aMissedRunDuringQuietHoursWaitsForTheirEnd() {
        clock.set(Instant.parse("2026-11-11T01:00:00Z")); // 02:00 local

        UnlockCatchUp catchUp = hourlyQuietOvernight.atUnlock(Optional.of(Instant.parse("2026-11-10T18:00:00Z")));

        assertTrue(catchUp.missed());
        assertEquals(Instant.parse("2026-11-11T05:00:00Z"), catchUp.runAt());
    }

    @Test
    void aRunNotYetDueKeepsItsRegularTime() {
        UnlockCatchUp catchUp = hourlyQuietOvernight.atUnlock(Optional.of(Instant.parse("2026-11-10T11:30:00Z")));

        assertFalse(catchUp.missed());
        assertEquals(Instant.parse("2026-11-10T12:30:00Z"), catchUp.runAt());
    }

    @Test
    void aScheduleThatNeverRanRunsAtUnlock() {
        UnlockCatchUp catchUp = hourlyQuietOvernight.atUnlock(Optional.empty());

        assertTrue(catchUp.missed());
        assertEquals(clock.instant(), catchUp.runAt());
    }

    @Test
    void aLastRunInTheFutureDoesNotStallTheSchedule() {
        UnlockCatchUp catchUp = hourlyQuietOvernight.atUnlock(Optional.of(Instant.parse("2027-01-01T00:00:00Z")));

        assertFalse(catchUp.missed());
        assertEquals(clock.instant().plus(Duration.ofHours(1)), catchUp.runAt());
    }

    @Test
    void quietHoursFollowLocalTimeAcrossADaylightSavingChange() {
        // 2026-03-29: Berlin moves from UTC+1 to UTC+2 at 02:00; 06:00 local that morning is 04:00Z.
        RefreshSchedule schedule = RefreshSchedule.fromSettings(3600, 1, 6, BERLIN, clock);
        assertEquals(Instant.parse("2026-03-29T04:00:00Z"), schedule.nextRunAfter(Instant.parse("2026-03-29T00:30:00Z")));
    }
}
