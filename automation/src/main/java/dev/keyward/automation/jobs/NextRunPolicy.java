package dev.keyward.automation.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/** When a job runs next, and when it may not run at all (quiet hours). */
public interface NextRunPolicy {

    /** The next run after a run that ended (or was due) at {@code now}. */
    Instant nextAfter(Instant now);

    /** {@code candidate}, or the first later moment a scheduled run is allowed (e.g. the end of quiet hours). */
    default Instant allowedAt(Instant candidate) {
        return candidate;
    }

    /** Every {@code interval}, at any hour. */
    static NextRunPolicy every(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (!interval.isPositive()) {
            throw new IllegalArgumentException("A job's interval must be positive.");
        }
        return now -> now.plus(interval);
    }

    /** Once a day at {@code time} in {@code zone} (e.g. discovery at its schedule hour). */
    static NextRunPolicy dailyAt(LocalTime time, ZoneId zone) {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(zone, "zone");
        return now -> {
            ZonedDateTime local = now.atZone(zone);
            ZonedDateTime today = local.with(time);
            return (today.isAfter(local) ? today : local.plusDays(1).with(time)).toInstant();
        };
    }
}
