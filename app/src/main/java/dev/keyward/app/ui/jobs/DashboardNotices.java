package dev.keyward.app.ui.jobs;

import dev.keyward.app.ui.tray.Notification;
import dev.keyward.automation.dashboard.HealthStatus;
import dev.keyward.automation.dashboard.ServiceStatus;
import dev.keyward.automation.dashboard.UsageReading;
import dev.keyward.automation.dashboard.refresh.KeyRefreshResult;
import dev.keyward.automation.dashboard.DashboardCard;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What to tell the user after a dashboard refresh: keys their provider now refuses, keys whose
 * usage crossed the warning level, and providers that began reporting an incident. Only changes
 * count (compared with each key's card before the run), so a key that stays invalid is told once,
 * not at every refresh. Texts name keys and providers, never a value.
 */
public final class DashboardNotices {

    /** The dashboard's own high-usage warning level (its WarningRules use 80 %). */
    static final double USAGE_WARNING_PERCENT = 80.0;
    /** More notices than this in one run become one summary, so a bad hour does not flood the tray. */
    static final int MAX_SEPARATE = 3;

    private DashboardNotices() {
    }

    /** The notices for {@code results}, given the dashboard's cards as they were before the run. */
    public static List<Notification> after(List<DashboardCard> before, List<KeyRefreshResult> results) {
        Map<String, DashboardCard> previous = new HashMap<>();
        Map<String, String> providerNames = new HashMap<>();
        for (DashboardCard card : before) {
            previous.put(card.secretId(), card);
            providerNames.put(card.providerSlug(), card.providerName());
        }
        List<Notification> notices = new ArrayList<>();
        Map<String, Notification> incidents = new LinkedHashMap<>();
        for (KeyRefreshResult refreshed : results) {
            DashboardCard was = previous.get(refreshed.target().secretId());
            String slug = refreshed.target().providerSlug();
            String provider = providerNames.getOrDefault(slug, slug);
            String key = was == null ? "A " + provider + " key" : was.secretName();
            var result = refreshed.result();
            if (result.health() == HealthStatus.INVALID && (was == null || !"invalid".equals(was.health()))) {
                notices.add(new Notification("Key refused: " + key,
                        provider + " no longer accepts " + key + ". Rotate it, or replace it in Keyward.",
                        Notification.Urgency.ATTENTION));
            }
            double percent = UsageReading.of(result.usageStatsJson()).usagePercent().orElse(0);
            boolean wasHigh = was != null && was.usagePercent() != null && was.usagePercent() >= USAGE_WARNING_PERCENT;
            if (percent >= USAGE_WARNING_PERCENT && !wasHigh) {
                notices.add(new Notification("High usage: " + key,
                        key + " has used " + String.format(Locale.ROOT, "%.0f", percent) + "% of its " + provider
                                + " limit.", Notification.Urgency.ATTENTION));
            }
            if (isIncident(result.service()) && !incidents.containsKey(slug)
                    && (was == null || !result.service().dbValue().equals(was.service()))) {
                incidents.put(slug, incident(provider, result.service()));
            }
        }
        notices.addAll(incidents.values());
        if (notices.size() > MAX_SEPARATE) {
            return List.of(new Notification(notices.size() + " dashboard alerts",
                    notices.get(0).title() + ", and " + (notices.size() - 1) + " more. Open the dashboard for all of them.",
                    Notification.Urgency.ATTENTION));
        }
        return notices;
    }

    private static boolean isIncident(ServiceStatus service) {
        return service == ServiceStatus.OUTAGE || service == ServiceStatus.DEGRADED;
    }

    private static Notification incident(String provider, ServiceStatus service) {
        return service == ServiceStatus.OUTAGE
                ? new Notification(provider + " reports an outage",
                        "Its keys' figures may be missing or stale until the outage ends.", Notification.Urgency.ATTENTION)
                : Notification.info(provider + " reports degraded service",
                        "Its status page reports a problem; its keys' figures may lag.");
    }
}
