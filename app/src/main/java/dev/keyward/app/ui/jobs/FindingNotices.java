package dev.keyward.app.ui.jobs;

import dev.keyward.app.ui.tray.Notification;
import dev.keyward.automation.discovery.classify.Urgency;
import dev.keyward.automation.discovery.StoredFinding;
import java.util.List;

/**
 * The one notification for a discovery run's new findings that need the user soon (action_needed
 * or critical), most urgent first; it names the provider and the source's title, never a value.
 */
public final class FindingNotices {

    private FindingNotices() {
    }

    /** The notification for {@code urgent} (never empty, most urgent first). */
    public static Notification of(List<StoredFinding> urgent) {
        if (urgent.isEmpty()) {
            throw new IllegalArgumentException("There is no finding to tell about.");
        }
        StoredFinding first = urgent.get(0);
        String provider = first.providerName() != null ? first.providerName() : first.providerSlug();
        String title = first.sourceTitle() == null || first.sourceTitle().isBlank() ? "a new finding" : first.sourceTitle();
        if (urgent.size() == 1) {
            return new Notification(label(first.urgency()) + " finding: " + provider,
                    oneLine(title) + ". Open Discovery to read it.", Notification.Urgency.ATTENTION);
        }
        long critical = urgent.stream().filter(f -> f.urgency() == Urgency.CRITICAL).count();
        return new Notification(urgent.size() + " findings need you",
                (critical > 0 ? critical + " critical. " : "") + "Most urgent (" + provider + "): " + oneLine(title)
                        + ". Open Discovery for all of them.", Notification.Urgency.ATTENTION);
    }

    private static String label(Urgency urgency) {
        return urgency == Urgency.CRITICAL ? "Critical" : "Action needed";
    }

    /** Provider text shown on one line and kept short: a tray balloon has little room. */
    private static String oneLine(String text) {
        String flat = text.replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
        return flat.length() > 120 ? flat.substring(0, 117) + "..." : flat;
    }
}
