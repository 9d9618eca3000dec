package dev.keyward.app.ui.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.ui.tray.Notification;
import dev.keyward.automation.dashboard.CollectionMethod;
import dev.keyward.automation.dashboard.CollectionResult;
import dev.keyward.automation.dashboard.CollectionStatus;
import dev.keyward.automation.dashboard.FailureCause;
import dev.keyward.automation.dashboard.HealthStatus;
import dev.keyward.automation.dashboard.KeyTarget;
import dev.keyward.automation.dashboard.ServiceStatus;
import dev.keyward.automation.dashboard.refresh.KeyRefreshResult;
import dev.keyward.automation.dashboard.DashboardCard;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which dashboard changes become notifications: only changes, one incident per provider, a summary past three. */
class DashboardNoticesTest {

    private static KeyRefreshResult result(String secretId, String slug, HealthStatus health, ServiceStatus service,
                                           String usageJson) {
        return new KeyRefreshResult(new KeyTarget(secretId, "p-" + slug, slug, java.net.URI.create("http://127.0.0.1:9"), null, null),
                Instant.parse("2026-11-23T10:00:00Z"), new CollectionResult(CollectionMethod.API,
                CollectionStatus.SUCCESS, usageJson, null, null, health, service, List.of(), null, FailureCause.NONE), 1);
    }

    private static DashboardCard card(String secretId, String name, String slug, String health, String service,
                                      Double usage) {
        return new DashboardCard(secretId, name, slug, slug.toUpperCase(), "2026-11-23T09:00:00Z", "api", "success",
                health, service, usage, null, null, null, null, List.of(), null);
    }

    @Test
    void aKeyThatStaysInvalidIsNotToldAgain() {
        List<Notification> first = DashboardNotices.after(List.of(card("s1", "main", "acme", "valid", "operational", 10.0)),
                List.of(result("s1", "acme", HealthStatus.INVALID, ServiceStatus.OPERATIONAL, null)));
        List<Notification> second = DashboardNotices.after(List.of(card("s1", "main", "acme", "invalid", "operational", null)),
                List.of(result("s1", "acme", HealthStatus.INVALID, ServiceStatus.OPERATIONAL, null)));

        assertEquals(1, first.size());
        assertEquals("Key refused: main", first.get(0).title());
        assertEquals(Notification.Urgency.ATTENTION, first.get(0).urgency());
        assertEquals(List.of(), second);
    }

    @Test
    void usageIsToldWhenItCrossesTheWarningLevelNotWhileItStaysAbove() {
        String high = "{\"usage_percent\": 85.4}";
        List<Notification> crossing = DashboardNotices.after(List.of(card("s1", "main", "acme", "valid", "operational", 70.0)),
                List.of(result("s1", "acme", HealthStatus.VALID, ServiceStatus.OPERATIONAL, high)));
        List<Notification> staying = DashboardNotices.after(List.of(card("s1", "main", "acme", "valid", "operational", 82.0)),
                List.of(result("s1", "acme", HealthStatus.VALID, ServiceStatus.OPERATIONAL, high)));

        assertEquals(List.of(new Notification("High usage: main", "main has used 85% of its ACME limit.",
                Notification.Urgency.ATTENTION)), crossing);
        assertEquals(List.of(), staying);
    }

    @Test
    void anIncidentIsToldOncePerProviderEvenWithManyKeys() {
        List<Notification> told = DashboardNotices.after(List.of(
                        card("s1", "a", "acme", "valid", "operational", null),
                        card("s2", "b", "acme", "valid", "operational", null)),
                List.of(result("s1", "acme", HealthStatus.VALID, ServiceStatus.OUTAGE, null),
                        result("s2", "acme", HealthStatus.VALID, ServiceStatus.OUTAGE, null)));

        assertEquals(1, told.size());
        assertEquals("ACME reports an outage", told.get(0).title());
    }

    @Test
    void moreThanThreeNoticesBecomeOneSummary() {
        List<DashboardCard> before = List.of(card("s1", "a", "acme", "valid", "operational", null),
                card("s2", "b", "acme", "valid", "operational", null),
                card("s3", "c", "acme", "valid", "operational", null),
                card("s4", "d", "acme", "valid", "operational", null));
        List<KeyRefreshResult> results = before.stream()
                .map(c -> result(c.secretId(), "acme", HealthStatus.INVALID, ServiceStatus.OPERATIONAL, null)).toList();

        List<Notification> told = DashboardNotices.after(before, results);

        assertEquals(1, told.size());
        assertEquals("4 dashboard alerts", told.get(0).title());
        assertTrue(told.get(0).text().startsWith("Key refused: a, and 3 more."), told.get(0).text());
    }
}
