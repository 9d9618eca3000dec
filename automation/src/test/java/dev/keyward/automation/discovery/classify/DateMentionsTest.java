package dev.keyward.automation.discovery.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DateMentionsTest {

    @Test
    void commonWrittenFormsAreRecognised() {
        LocalDate dec1 = LocalDate.of(2026, 12, 1);

        assertEquals(List.of(dec1), DateMentions.in("on 2026-12-01."));
        assertEquals(List.of(dec1), DateMentions.in("on December 1, 2026."));
        assertEquals(List.of(dec1), DateMentions.in("on Dec 1st 2026"));
        assertEquals(List.of(dec1), DateMentions.in("on 1 Dec 2026"));
        assertEquals(List.of(dec1), DateMentions.in("on 1 December, 2026"));
        assertEquals(List.of(dec1), DateMentions.in("on the 1st of December 2026"));
        assertEquals(List.of(LocalDate.of(2026, 9, 3)), DateMentions.in("from Sept. 3rd, 2026"));
    }

    @Test
    void impossibleDatesAndNonDatesAreIgnored() {
        assertTrue(DateMentions.in("2026-02-30, 2026-13-01, version 12-2026-01, May 2026, 10 items in 2026").isEmpty());
    }

    @Test
    void soonestWithinPicksTheEarliestDateInsideTheWindow() {
        LocalDate today = LocalDate.of(2026, 5, 1);

        assertEquals(Optional.of(LocalDate.of(2026, 5, 20)), DateMentions.soonestWithin(
                "Announced 2026-04-01; shutdown on 2026-05-31, reads stop 2026-05-20, final 2026-07-01.", today, 30));
        assertEquals(Optional.empty(), DateMentions.soonestWithin("Shutdown on 2026-06-01.", today, 30));
    }

    @Test
    void longHostileTextIsHandled() {
        String text = "1 ".repeat(50_000) + "December 1, 2026";

        assertEquals(List.of(LocalDate.of(2026, 12, 1)), DateMentions.in(text));
    }
}
