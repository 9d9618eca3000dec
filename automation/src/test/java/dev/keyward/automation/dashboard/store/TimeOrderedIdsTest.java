package dev.keyward.automation.dashboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Snapshot ids sort as their collection times do, as text (how SQLite orders the primary key). */
class TimeOrderedIdsTest {

    @Test
    void idsOfLaterTimesSortAfterIdsOfEarlierOnes() {
        Instant start = Instant.parse("2026-12-05T10:00:00Z");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            ids.add(TimeOrderedIds.at(start.plus(Duration.ofMillis(37L * i))));
        }
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(String::compareTo);
        assertEquals(ids, sorted);
    }

    @Test
    void anIdIsAVersion7UuidWithItsTimeInTheLeadingBits() {
        Instant at = Instant.parse("2026-12-05T10:00:00.123Z");
        UUID id = UUID.fromString(TimeOrderedIds.at(at));
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(at.toEpochMilli(), id.getMostSignificantBits() >>> 16);
    }

    @Test
    void idsMadeInTheSameMillisecondDiffer() {
        Instant at = Instant.parse("2026-12-05T10:00:00Z");
        HashSet<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(TimeOrderedIds.at(at));
        }
        assertEquals(10_000, ids.size());
    }

    @Test
    void aTimeBefore1970IsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TimeOrderedIds.at(Instant.parse("1969-12-31T23:59:59Z")));
    }
}
