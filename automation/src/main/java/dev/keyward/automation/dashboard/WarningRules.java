package dev.keyward.automation.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a collection result and the key's dates into warning sentences: high usage, an old key, a
 * key about to expire (by the vault's date or the one the provider reported), a provider answer or page that changed shape (drift), and an incident at the
 * provider.
 *
 * @param usageThresholdPercent warn when usage is at or above this percent of a limit (default 80)
 * @param maxKeyAgeDays         warn when the key is older than this many days (default 90)
 * @param expiryNoticeDays      warn when the key expires within this many days, or has expired (default 14)
 */
public record WarningRules(double usageThresholdPercent, int maxKeyAgeDays, int expiryNoticeDays) {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    public WarningRules {
        if (!(usageThresholdPercent > 0) || maxKeyAgeDays < 1 || expiryNoticeDays < 0) {
            throw new IllegalArgumentException(
                    "Warning thresholds must be positive (usage percent, key age days) and not negative (expiry days).");
        }
    }

    /** 80 % usage, 90 days of key age, 14 days before expiry. */
    public static WarningRules defaults() {
        return new WarningRules(80.0, 90, 14);
    }

    /** The warnings for {@code result} of {@code target}, as of {@code now}, in a fixed order. */
    public List<String> warningsFor(KeyTarget target, CollectionResult result, Instant now) {
        List<String> warnings = new ArrayList<>();
        UsageReading usage = UsageReading.of(result.usageStatsJson());
        usage.usagePercent().ifPresent(percent -> {
            if (percent >= usageThresholdPercent) {
                warnings.add("Usage is at " + percent(percent) + "% of the limit, at or above the "
                        + percent(usageThresholdPercent) + "% warning level.");
            }
        });
        if (target.keyCreatedAt() != null) {
            long ageDays = Duration.between(target.keyCreatedAt(), now).toDays();
            if (ageDays > maxKeyAgeDays) {
                warnings.add("This key is " + ageDays + " days old, older than the " + maxKeyAgeDays
                        + " days after which Keyward suggests rotating it.");
            }
        }
        Instant expiresAt = earlier(target.keyExpiresAt(), reportedExpiry(result.configAttributesJson()));
        if (expiresAt != null) {
            expiryWarning(expiresAt, now, warnings);
        }
        if (result.cause().indicatesDrift()) {
            warnings.add("The provider's " + (result.cause() == FailureCause.SELECTOR_DRIFT ? "dashboard page" : "API answer")
                    + " no longer has the shape Keyward reads; some figures are missing until Keyward is updated.");
        }
        switch (result.service()) {
            case OUTAGE -> warnings.add("The provider reports an outage; figures may be missing or stale until it ends.");
            case DEGRADED -> warnings.add("The provider reports degraded service; figures may be missing or stale.");
            // Unknown means no status page said anything, which is no evidence of an incident.
            case OPERATIONAL, UNKNOWN -> { }
        }
        return warnings;
    }

    private void expiryWarning(Instant expiresAt, Instant now, List<String> warnings) {
        LocalDate day = LocalDate.ofInstant(expiresAt, ZoneOffset.UTC);
        if (!expiresAt.isAfter(now)) {
            warnings.add("This key expired on " + day + " (UTC); replace it.");
            return;
        }
        Duration left = Duration.between(now, expiresAt);
        if (left.compareTo(Duration.ofDays(expiryNoticeDays)) <= 0) {
            long daysLeft = left.toDays();
            String when = daysLeft == 0 ? "within a day" : "in " + daysLeft + (daysLeft == 1 ? " day" : " days");
            warnings.add("This key expires on " + day + " (UTC), " + when + "; plan its rotation.");
        }
    }

    /**
     * The expiry the provider itself reported in this collection ({@code token_expires_at}, which the GitHub collector
     * reads from {@code github-authentication-token-expiration}), or null.
     */
    static Instant reportedExpiry(String configAttributesJson) {
        if (configAttributesJson == null) {
            return null;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode value = JSON.readTree(configAttributesJson).path("token_expires_at");
            return value.isTextual() ? Instant.parse(value.asText()) : null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException | java.time.format.DateTimeParseException e) {
            // Collectors write this object; an unreadable expiry is no expiry rather than a failed refresh.
            return null;
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.isBefore(b) ? a : b;
    }

    private static String percent(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
