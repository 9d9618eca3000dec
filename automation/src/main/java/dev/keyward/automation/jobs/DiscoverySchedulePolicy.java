package dev.keyward.automation.jobs;

import dev.keyward.vault.settings.ProfileSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Discovery's schedule: once a day at {@code discovery_schedule_hour}:00 in the user's time zone,
 * the hour read afresh each time so a change applies from the next run.
 */
public final class DiscoverySchedulePolicy implements NextRunPolicy {

    private final Supplier<ProfileSettings> settings;
    private final ZoneId zone;

    public DiscoverySchedulePolicy(Supplier<ProfileSettings> settings, ZoneId zone) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public Instant nextAfter(Instant now) {
        return nextRunAfter(now, zone, settings.get().discoveryScheduleHour());
    }

    /** The first {@code hour}:00 local time in {@code zone} strictly after {@code now}. */
    public static Instant nextRunAfter(Instant now, ZoneId zone, int hour) {
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("The discovery hour must be between 0 and 23.");
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant candidate = at(today, hour, zone);
        return candidate.isAfter(now) ? candidate : at(today.plusDays(1), hour, zone);
    }

    // In a spring-forward gap the hour moves later by the gap, as ZonedDateTime does; the run still happens.
    private static Instant at(LocalDate date, int hour, ZoneId zone) {
        return ZonedDateTime.of(date.atTime(hour, 0), zone).toInstant();
    }
}
