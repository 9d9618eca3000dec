package dev.keyward.automation.jobs;

import dev.keyward.automation.dashboard.schedule.RefreshSchedule;
import dev.keyward.vault.settings.ProfileSettings;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The dashboard refresh's schedule from the profile's settings, read afresh each time so a change
 * applies from the next run: every {@code dashboard_refresh_interval_seconds}, never inside the
 * quiet hours (which may wrap midnight), judged in the user's time zone.
 */
public final class DashboardRefreshPolicy implements NextRunPolicy {

    private final Supplier<ProfileSettings> settings;
    private final ZoneId zone;
    private final InstantSource clock;

    public DashboardRefreshPolicy(Supplier<ProfileSettings> settings, ZoneId zone, InstantSource clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Instant nextAfter(Instant now) {
        return schedule().nextRunAfter(now);
    }

    @Override
    public Instant allowedAt(Instant candidate) {
        return schedule().outsideQuietHours(candidate);
    }

    private RefreshSchedule schedule() {
        ProfileSettings s = settings.get();
        return RefreshSchedule.fromSettings(s.dashboardRefreshIntervalSeconds(), s.dashboardQuietHoursStart(),
                s.dashboardQuietHoursEnd(), zone, clock);
    }
}
