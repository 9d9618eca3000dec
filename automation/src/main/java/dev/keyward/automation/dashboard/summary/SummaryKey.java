package dev.keyward.automation.dashboard.summary;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Which {@code dashboard_daily_summaries} row a fold writes: one secret on one UTC day.
 *
 * @param profileId  {@code profile_id}
 * @param secretId   {@code secret_id}
 * @param providerId {@code provider_id}
 * @param day        {@code summary_date}, the UTC date of the folded snapshots' {@code collected_at}
 */
public record SummaryKey(String profileId, String secretId, String providerId, LocalDate day) {

    public SummaryKey {
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(secretId, "secretId");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(day, "day");
    }
}
