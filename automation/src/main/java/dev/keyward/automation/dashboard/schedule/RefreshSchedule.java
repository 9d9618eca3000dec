package dev.keyward.automation.dashboard.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * When the background dashboard refresh runs: every {@code interval} after the last run, moved to
 * the end of the quiet window when it would fall inside it, and caught up at unlock when a run was
 * missed. Quiet hours are judged in {@code zone}, the user's local time.
 */
public final class RefreshSchedule {

    private final Duration interval;
    private final QuietHours quietHours;
    private final ZoneId zone;
    private final InstantSource clock;

    public RefreshSchedule(Duration interval, QuietHours quietHours, ZoneId zone, InstantSource clock) {
        this.interval = Objects.requireNonNull(interval, "interval");
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("The dashboard refresh interval must be at least one second.");
        }
        this.quietHours = Objects.requireNonNull(quietHours, "quietHours");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** From {@code profile_settings.dashboard_refresh_interval_seconds} and the quiet-hour columns. */
    public static RefreshSchedule fromSettings(int intervalSeconds, Integer quietStart, Integer quietEnd,
                                               ZoneId zone, InstantSource clock) {
        return new RefreshSchedule(Duration.ofSeconds(intervalSeconds), new QuietHours(quietStart, quietEnd), zone, clock);
    }

    /** The run after one that happened at {@code lastRun}. */
    public Instant nextRunAfter(Instant lastRun) {
        return outsideQuietHours(lastRun.plus(interval));
    }

    /** {@code candidate}, or the end of the quiet window when {@code candidate} falls inside it. */
    public Instant outsideQuietHours(Instant candidate) {
        ZonedDateTime local = candidate.atZone(zone);
        return quietHours.isQuietAt(local) ? quietHours.endAfter(local).toInstant() : candidate;
    }

    /** True when the clock's current time lies inside the quiet window. */
    public boolean isQuietNow() {
        return quietHours.isQuietAt(clock.instant().atZone(zone));
    }

    /**
     * The decision at unlock, given the last recorded run ({@code scheduled_jobs.last_run_at}) and the
     * clock's now: a run that fell due (or a first run) happens now, or when the quiet window ends;
     * otherwise the regular next run stands. A last run in the future (the clock stepped back) counts
     * as a run now, so the schedule does not stall until the clock catches up.
     */
    public UnlockCatchUp atUnlock(Optional<Instant> lastRun) {
        Instant now = clock.instant();
        if (lastRun.isEmpty()) {
            return new UnlockCatchUp(true, outsideQuietHours(now));
        }
        Instant last = lastRun.get();
        if (last.isAfter(now)) {
            return new UnlockCatchUp(false, nextRunAfter(now));
        }
        Instant due = last.plus(interval);
        if (!due.isAfter(now)) {
            return new UnlockCatchUp(true, outsideQuietHours(now));
        }
        return new UnlockCatchUp(false, nextRunAfter(last));
    }
}
