package dev.keyward.app.ui.dashboard;

import dev.keyward.app.ui.dashboard.KeyCard.Badge;
import dev.keyward.automation.dashboard.DashboardCard;
import dev.keyward.vault.io.Timestamps;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Turns the stored dashboard columns (seed 002's enum strings, figures, times) into the words a card shows. */
final class CardWording {

    static final String NOT_COLLECTED = "Not collected yet";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final Instant now;
    private final ZoneId zone;

    CardWording(Instant now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** The badge of a seed 002 {@code health_status}; null means the key was never collected. */
    static Badge health(String health) {
        if (health == null) {
            return new Badge(NOT_COLLECTED, Tone.NEUTRAL);
        }
        return switch (health) {
            case "valid" -> new Badge("Valid", Tone.GOOD);
            case "degraded" -> new Badge("Degraded", Tone.CAUTION);
            case "outage" -> new Badge("Outage", Tone.BAD);
            case "invalid" -> new Badge("Invalid", Tone.BAD);
            default -> new Badge("Unknown", Tone.NEUTRAL);
        };
    }

    /** The badge of a seed 002 {@code service_status}. */
    static Badge service(String service) {
        if (service == null) {
            return new Badge("Service status not known yet", Tone.NEUTRAL);
        }
        return switch (service) {
            case "operational" -> new Badge("Service operational", Tone.GOOD);
            case "degraded" -> new Badge("Service degraded", Tone.CAUTION);
            case "outage" -> new Badge("Service outage", Tone.BAD);
            default -> new Badge("Service status unknown", Tone.NEUTRAL);
        };
    }

    /** "48.2% used · 48,210 of 100,000 requests", or null when the provider gave no usage figures. */
    static String usage(DashboardCard card) {
        StringBuilder out = new StringBuilder();
        if (card.usagePercent() != null) {
            out.append(number(card.usagePercent(), 1)).append("% used");
        }
        if (card.requests() != null) {
            if (!out.isEmpty()) {
                out.append(" · ");
            }
            out.append(String.format(Locale.ROOT, "%,d", card.requests()));
            out.append(card.requestLimit() == null ? " requests"
                    : String.format(Locale.ROOT, " of %,d requests", card.requestLimit()));
        } else if (card.requestLimit() != null) {
            out.append(String.format(Locale.ROOT, " · limit %,d requests", card.requestLimit()));
        }
        return out.isEmpty() ? null : out.toString();
    }

    /** "42.17 USD this billing period", or null without a cost. */
    static String cost(Double cost, String currency) {
        if (cost == null) {
            return null;
        }
        return number(cost, 2) + (currency == null ? "" : " " + currency) + " this billing period";
    }

    /** "Key is 120 days old", or null when the key's date is unknown. */
    String age(Instant keyDate) {
        if (keyDate == null) {
            return null;
        }
        long days = Math.max(0, Duration.between(keyDate, now).toDays());
        return days == 0 ? "Key stored today" : "Key is " + days + (days == 1 ? " day old" : " days old");
    }

    /** "Collected 2026-11-23 14:05 via api", or the never-collected hint. */
    String collected(DashboardCard card) {
        if (!card.collected()) {
            return NOT_COLLECTED + "; press Refresh now.";
        }
        String when;
        try {
            when = WHEN.format(Timestamps.parse(card.collectedAt()).atZone(zone));
        } catch (DateTimeParseException e) {
            // Written by Keyward; show the stored text rather than nothing.
            when = card.collectedAt();
        }
        return "Collected " + when + (card.method() == null ? "" : " via " + method(card.method()));
    }

    /** The collection status when it fell short, with its redacted error; null when it succeeded. */
    static String collection(DashboardCard card) {
        if (!card.collected() || "success".equals(card.status())) {
            return null;
        }
        String head = "failed".equals(card.status()) ? "Collection failed" : "Partial collection";
        return card.error() == null ? head + "." : head + ": " + card.error();
    }

    private static String method(String method) {
        return switch (method) {
            case "api" -> "the provider's API";
            case "scrape" -> "the provider's dashboard page";
            case "cached" -> "the last good snapshot (cached)";
            default -> method;
        };
    }

    static String number(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
