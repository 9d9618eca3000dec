package dev.keyward.vault.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading a timestamp digit by digit gives exactly what {@link Instant#parse} gives, and hands every other text to it. */
class TimestampsTest {

    @Test
    void theOwnFormatReadsAsInstantParseReadsItAcrossTenThousandYears() {
        Random random = new Random(19);
        // From year 1: format() writes the year of the era, so year 0 (1 BC) would print as 0001.
        long first = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 50_000; i++) {
            Instant at = Instant.ofEpochSecond(first + (long) (random.nextDouble() * (last - first)),
                    random.nextInt(1_000_000) * 1_000L);
            String text = Timestamps.format(at);
            assertEquals(Instant.parse(text), Timestamps.parseOwnFormat(text), text);
            assertEquals(at, Timestamps.parse(text), text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-29T23:59:59.999999Z", "2000-02-29T00:00:00.000000Z", "1970-01-01T00:00:00.000000Z",
            "1969-12-31T23:59:59.999999Z", "0000-02-29T12:00:00.000001Z", "2026-12-31T00:00:00.000000Z"})
    void edgesOfMonthsYearsAndTheEpochReadAlike(String text) {
        assertEquals(Instant.parse(text), Timestamps.parseOwnFormat(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29T00:00:00.000000Z", "1900-02-29T00:00:00.000000Z", "2026-04-31T00:00:00.000000Z",
            "2026-13-01T00:00:00.000000Z", "2026-00-10T00:00:00.000000Z", "2026-01-00T00:00:00.000000Z",
            "2026-01-01T24:00:00.000000Z", "2026-01-01T23:60:00.000000Z", "2026-01-01T23:59:60.000000Z",
            "2026-01-01T23:59:59.00000aZ", "2026-01-01 23:59:59.000000Z", "+2026-01-01T23:59:59.00000Z",
            "2026-01-01T23:59:59Z", "2026-01-01T23:59:59.123Z", "2026-01-01T23:59:59.000000+01:00", ""})
    void everyOtherTextIsLeftToInstantParse(String text) {
        assertNull(Timestamps.parseOwnFormat(text), text);
        Object expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeParseException e) {
            assertThrows(DateTimeParseException.class, () -> Timestamps.parse(text));
            return;
        }
        assertEquals(expected, Timestamps.parse(text));
    }
}
