package dev.keyward.automation.browser;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cookie's {@code Expires} date read as a browser reads it (RFC 6265 5.1.1): tokens in any order and form, so the
 * dashed {@code Wed, 09-Jun-2021 10:18:14 GMT} of older servers expires a cookie as surely as the usual form does.
 */
final class CookieDate {

    private static final Pattern DELIMITERS = Pattern.compile("[\\x09\\x20-\\x2F\\x3B-\\x40\\x5B-\\x60\\x7B-\\x7E]+");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\D.*)?");
    private static final Pattern DAY = Pattern.compile("(\\d{1,2})(?:\\D.*)?");
    private static final Pattern YEAR = Pattern.compile("(\\d{2,4})(?:\\D.*)?");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");

    private CookieDate() {}

    /** Seconds since the epoch (UTC), or null for a value that is no cookie date (the cookie lasts the session). */
    static Long parse(String value) {
        int[] time = null;
        Integer day = null;
        Integer month = null;
        Integer year = null;
        for (String token : DELIMITERS.split(value)) {
            if (token.isEmpty()) {
                continue;
            }
            Matcher m;
            if (time == null && (m = TIME.matcher(token)).matches()) {
                time = new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))};
            } else if (day == null && (m = DAY.matcher(token)).matches()) {
                day = Integer.parseInt(m.group(1));
            } else if (month == null && token.length() >= 3
                    && MONTHS.contains(token.substring(0, 3).toLowerCase(Locale.ROOT))) {
                month = MONTHS.indexOf(token.substring(0, 3).toLowerCase(Locale.ROOT)) + 1;
            } else if (year == null && (m = YEAR.matcher(token)).matches()) {
                year = Integer.parseInt(m.group(1));
            }
        }
        if (time == null || day == null || month == null || year == null) {
            return null;
        }
        if (year >= 70 && year <= 99) {
            year += 1900;
        } else if (year >= 0 && year <= 69) {
            year += 2000;
        }
        if (day < 1 || day > 31 || year < 1601 || time[0] > 23 || time[1] > 59 || time[2] > 59) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, time[0], time[1], time[2]).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            // A day the month does not have (31 June): no date, as a browser reads it.
            return null;
        }
    }
}
