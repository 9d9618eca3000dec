package dev.keyward.automation.discovery.classify;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds calendar dates written in prose: {@code 2026-12-01}, {@code December 1, 2026}, {@code Dec 1st 2026},
 * {@code 1 Dec 2026}, {@code 1 December, 2026}. The patterns are linear, so hostile text cannot make them slow.
 */
public final class DateMentions {

    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final Pattern ISO = Pattern.compile("(?<![\\d-])(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + ",?\\s+(\\d{4})\\b", Pattern.CASE_INSENSITIVE);

    private DateMentions() {
    }

    /** Every valid date mentioned in {@code text}, in order of the patterns (duplicates possible). */
    public static List<LocalDate> in(String text) {
        List<LocalDate> dates = new ArrayList<>();
        if (text == null) {
            return dates;
        }
        Matcher iso = ISO.matcher(text);
        while (iso.find()) {
            date(iso.group(1), iso.group(2), iso.group(3)).ifPresent(dates::add);
        }
        Matcher mdy = MONTH_DAY_YEAR.matcher(text);
        while (mdy.find()) {
            date(mdy.group(3), String.valueOf(month(mdy.group(1))), mdy.group(2)).ifPresent(dates::add);
        }
        Matcher dmy = DAY_MONTH_YEAR.matcher(text);
        while (dmy.find()) {
            date(dmy.group(3), String.valueOf(month(dmy.group(2))), dmy.group(1)).ifPresent(dates::add);
        }
        return dates;
    }

    /** The earliest mentioned date from {@code today} up to {@code today + days}, if any. */
    public static Optional<LocalDate> soonestWithin(String text, LocalDate today, int days) {
        LocalDate last = today.plusDays(days);
        return in(text).stream()
                .filter(d -> !d.isBefore(today) && !d.isAfter(last))
                .min(LocalDate::compareTo);
    }

    /** The earliest date mentioned that is today or later, if any. */
    public static Optional<LocalDate> soonestUpcoming(String text, LocalDate today) {
        return in(text).stream().filter(d -> !d.isBefore(today)).min(LocalDate::compareTo);
    }

    private static int month(String name) {
        return switch (name.toLowerCase(Locale.ROOT).substring(0, 3)) {
            case "jan" -> 1;
            case "feb" -> 2;
            case "mar" -> 3;
            case "apr" -> 4;
            case "may" -> 5;
            case "jun" -> 6;
            case "jul" -> 7;
            case "aug" -> 8;
            case "sep" -> 9;
            case "oct" -> 10;
            case "nov" -> 11;
            default -> 12;
        };
    }

    private static Optional<LocalDate> date(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
