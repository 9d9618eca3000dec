package dev.keyward.automation.dashboard.schedule;

import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * The local hours in which background refresh stays silent ({@code profile_settings.dashboard_quiet_hours_start}
 * and {@code _end}). The window starts at {@code startHour}:00 inclusive and ends at {@code endHour}:00
 * exclusive; it wraps midnight when start is after end (22 to 6). A missing bound or start equal to end
 * means there are no quiet hours.
 *
 * @param startHour 0-23, or null
 * @param endHour   0-23, or null
 */
public record QuietHours(Integer startHour, Integer endHour) {

    public QuietHours {
        checkHour(startHour, "start");
        checkHour(endHour, "end");
    }

    /** No quiet hours. */
    public static QuietHours none() {
        return new QuietHours(null, null);
    }

    /** True when there is a window at all. */
    public boolean active() {
        return startHour != null && endHour != null && !startHour.equals(endHour);
    }

    /** True when {@code time} (local wall-clock time) lies inside the window. */
    public boolean isQuietAt(LocalTime time) {
        if (!active()) {
            return false;
        }
        int hour = time.getHour();
        if (startHour < endHour) {
            return hour >= startHour && hour < endHour;
        }
        return hour >= startHour || hour < endHour;
    }

    /** True when {@code moment} lies inside the window, judged by its local time. */
    public boolean isQuietAt(ZonedDateTime moment) {
        return isQuietAt(moment.toLocalTime());
    }

    /**
     * The first moment after {@code moment} at which the window ends ({@code endHour}:00 local time,
     * today or tomorrow). Meaningful when {@link #isQuietAt(ZonedDateTime)} holds.
     */
    public ZonedDateTime endAfter(ZonedDateTime moment) {
        if (!active()) {
            throw new IllegalStateException("There are no quiet hours, so no window ends.");
        }
        ZonedDateTime end = moment.with(LocalTime.of(endHour, 0));
        return end.isAfter(moment) ? end : moment.plusDays(1).with(LocalTime.of(endHour, 0));
    }

    private static void checkHour(Integer hour, String which) {
        if (hour != null && (hour < 0 || hour > 23)) {
            throw new IllegalArgumentException("The quiet hours " + which + " must be an hour from 0 to 23, not " + hour + ".");
        }
    }
}
