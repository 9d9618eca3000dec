package dev.keyward.automation.dashboard.hygiene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Spend spikes against the trailing median, and which used models a deprecation names. */
class SpendAndModelRulesTest {

    private static Map<LocalDate, Double> days(double... amounts) {
        Map<LocalDate, Double> daily = new TreeMap<>();
        for (int i = 0; i < amounts.length; i++) {
            daily.put(LocalDate.of(2026, 3, 1).plusDays(i), amounts[i]);
        }
        return daily;
    }

    @Test
    void aDayAboveKTimesTheTrailingMedianIsASpike() {
        List<SpendSpikes.Spike> spikes = SpendSpikes.find(days(1, 1.2, 0.8, 1, 3.5), 3);
        assertEquals(1, spikes.size());
        assertEquals(LocalDate.of(2026, 3, 5), spikes.get(0).day());
        assertEquals(1.0, spikes.get(0).median(), 1e-9);
    }

    @Test
    void exactlyKTimesTheMedianIsNotASpike() {
        assertTrue(SpendSpikes.find(days(1, 1, 1, 3), 3).isEmpty());
    }

    @Test
    void tooLittleHistoryOrAZeroMedianFlagsNothing() {
        assertTrue(SpendSpikes.find(days(1, 50), 3).isEmpty(), "two days are not a trend");
        assertTrue(SpendSpikes.find(days(0, 0, 0, 0, 9), 3).isEmpty(), "first spend after none is a first use");
    }

    @Test
    void missingDaysCountAsNoSpend() {
        Map<LocalDate, Double> daily = new TreeMap<>(Map.of(LocalDate.of(2026, 3, 1), 1.0, LocalDate.of(2026, 3, 2), 1.0,
                LocalDate.of(2026, 3, 6), 2.0));
        assertTrue(SpendSpikes.find(daily, 3).isEmpty(), "median of 1, 1, 0, 0, 0 is 0");
    }

    @Test
    void aDeprecationNamesAModelByIdOrByIdWithoutItsDate() {
        Set<String> used = Set.of("gpt-4-0613", "gpt-4o-mini-2024-07-18", "claude-3-5-sonnet-20241022");
        assertEquals(Set.of("gpt-4-0613"), RetiredModels.named("We will retire gpt-4-0613 on June 6.", used));
        assertEquals(Set.of("claude-3-5-sonnet-20241022"),
                RetiredModels.named("Claude models claude-3-5-sonnet are deprecated", used));
        assertEquals(Set.of("gpt-4-0613"), RetiredModels.named("GPT-4 (gpt-4) shuts down", used));
    }

    @Test
    void aLongerModelNameIsNotTheShorterOne() {
        Set<String> used = Set.of("gpt-4-0613");
        assertTrue(RetiredModels.named("gpt-4o and gpt-4-32k are retired", used).isEmpty());
        assertTrue(RetiredModels.named("gpt-4.5-preview is retired", used).isEmpty());
    }
}
