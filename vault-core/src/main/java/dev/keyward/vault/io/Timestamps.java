package dev.keyward.vault.io;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * UTC ISO-8601 timestamps of fixed width (microseconds), so that text order is time order in
 * every index that sorts on them.
 */
public final class Timestamps {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    public static String now(Clock clock) {
        return format(clock.instant());
    }

    /**
     * The instant of an ISO-8601 timestamp. Text in this class's own format is read digit by digit
     * (retention reads a million of them; {@link Instant#parse} cost about a tenth of its time); any
     * other text, including an invalid date in that shape, goes to {@link Instant#parse}, which decides
     * what it means or how it fails.
     */
    public static Instant parse(String text) {
        Instant own = parseOwnFormat(text);
        return own != null ? own : Instant.parse(text);
    }

    /** The instant of {@code yyyy-MM-ddTHH:mm:ss.SSSSSSZ} with a valid date and time, else null. */
    static Instant parseOwnFormat(String t) {
        if (t == null || t.length() != 27 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
                || t.charAt(13) != ':' || t.charAt(16) != ':' || t.charAt(19) != '.' || t.charAt(26) != 'Z') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        int micros = digits(t, 20, 6);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || micros < 0
                || day > Month.of(month).length(Year.isLeap(year))) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3_600L + minute * 60L + second, micros * 1_000L);
    }

    /** The decimal number of {@code count} ASCII digits at {@code from}, or -1 when one is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char ch = text.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            value = value * 10 + (ch - '0');
        }
        return value;
    }
}
