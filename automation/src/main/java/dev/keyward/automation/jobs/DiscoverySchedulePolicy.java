package dev.keyward.automation.jobs;

import dev.keyward.automation.discovery.service.DiscoveryJob;
import dev.keyward.vault.settings.ProfileSettings;
import java.time.Instant;
import java.time.ZoneId;
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
        return DiscoveryJob.nextRunAfter(now, zone, settings.get().discoveryScheduleHour());
    }
}
