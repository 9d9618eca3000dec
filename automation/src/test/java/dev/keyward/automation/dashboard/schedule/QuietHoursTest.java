package dev.keyward.automation.dashboard.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private final QuietHours overnight = new QuietHours(22, 6);

    @Test
    void windowAcrossMidnightCoversLateEveningAndEarlyMorning() {
        assertTrue(overnight.isQuietAt(LocalTime.of(23, 30)));
        assertTrue(overnight.isQuietAt(LocalTime.MIDNIGHT));
        assertTrue(overnight.isQuietAt(LocalTime.of(3, 0)));
        assertFalse(overnight.isQuietAt(LocalTime.NOON));
    }

    @Test
    void startHourIsQuietAndEndHourIsNot() {
        assertTrue(overnight.isQuietAt(LocalTime.of(22, 0)));
        assertFalse(overnight.isQuietAt(LocalTime.of(21, 59, 59)));
        assertTrue(overnight.isQuietAt(LocalTime.of(5, 59, 59)));
        assertFalse(overnight.isQuietAt(LocalTime.of(6, 0)));
    }

    @Test
    void windowWithinOneDayHasTheSameBoundaries() {
        QuietHours afternoon = new QuietHours(13, 15);
        assertFalse(afternoon.isQuietAt(LocalTime.of(12, 59)));
        assertTrue(afternoon.isQuietAt(LocalTime.of(13, 0)));
        assertTrue(afternoon.isQuietAt(LocalTime.of(14, 59)));
        assertFalse(afternoon.isQuietAt(LocalTime.of(15, 0)));
    }

    @Test
    void equalStartAndEndOrAMissingBoundMeansNoQuietHours() {
        for (QuietHours none : new QuietHours[] {new QuietHours(7, 7), new QuietHours(null, 6), new QuietHours(22, null),
                QuietHours.none()}) {
            assertFalse(none.active());
            for (int hour = 0; hour < 24; hour++) {
                assertFalse(none.isQuietAt(LocalTime.of(hour, 0)), none + " at " + hour);
            }
        }
    }

    @Test
    void windowFromMidnightAndWindowToMidnightWork() {
        assertTrue(new QuietHours(0, 6).isQuietAt(LocalTime.MIDNIGHT));
        assertFalse(new QuietHours(0, 6).isQuietAt(LocalTime.of(23, 59)));
        assertTrue(new QuietHours(20, 0).isQuietAt(LocalTime.of(23, 59)));
        assertFalse(new QuietHours(20, 0).isQuietAt(LocalTime.MIDNIGHT));
    }

    @Test
    void theWindowEndsTheSameMorningOrTheNextOne() {
        ZoneId zone = ZoneId.of("Europe/Berlin");
        ZonedDateTime lateEvening = ZonedDateTime.of(2026, 11, 10, 23, 15, 0, 0, zone);
        ZonedDateTime earlyMorning = ZonedDateTime.of(2026, 11, 11, 2, 0, 0, 0, zone);

        assertEquals(ZonedDateTime.of(2026, 11, 11, 6, 0, 0, 0, zone), overnight.endAfter(lateEvening));
        assertEquals(ZonedDateTime.of(2026, 11, 11, 6, 0, 0, 0, zone), overnight.endAfter(earlyMorning));
    }

    @Test
    void hoursOutsideTheDayAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new QuietHours(24, 6));
        assertThrows(IllegalArgumentException.class, () -> new QuietHours(22, -1));
    }
}
