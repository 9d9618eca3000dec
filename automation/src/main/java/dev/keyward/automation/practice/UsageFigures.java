package dev.keyward.automation.practice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The usage and plan figures that Practice Cloud shows on its dashboard and returns from {@code /v1/usage}.
 *
 * @param requests           requests this month
 * @param requestLimit       requests allowed per month
 * @param cost               cost this month
 * @param rateLimitPerMinute requests allowed per minute
 */
public record UsageFigures(long requests, long requestLimit, BigDecimal cost, String currency, String plan,
                           String region, int rateLimitPerMinute) {

    /** The figures a fresh Practice Cloud starts with. */
    public static final UsageFigures DEFAULT =
            new UsageFigures(48_210, 100_000, new BigDecimal("42.17"), "USD", "Builder", "eu-west-1", 600);

    public UsageFigures {
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(region, "region");
        if (requests < 0 || requestLimit <= 0) {
            throw new IllegalArgumentException("Requests must be zero or more and the request limit above zero.");
        }
    }

    /** Requests as a percentage of the limit, one decimal place. */
    public BigDecimal usagePercent() {
        return BigDecimal.valueOf(requests).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(requestLimit), 1, RoundingMode.HALF_UP);
    }
}
