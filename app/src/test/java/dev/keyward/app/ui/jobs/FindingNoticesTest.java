package dev.keyward.app.ui.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.ui.tray.Notification;
import dev.keyward.automation.discovery.classify.FindingCategory;
import dev.keyward.automation.discovery.classify.Urgency;
import dev.keyward.automation.feeds.SourceKind;
import dev.keyward.automation.discovery.FindingStatus;
import dev.keyward.automation.discovery.StoredFinding;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingNoticesTest {

    @Test
    void oneActionNeededFindingNamesItsProviderAndTitle() {
        Notification n = FindingNotices.of(List.of(finding(Urgency.ACTION_NEEDED, "Practice Cloud",
                "Model pc-1 is retired on 2026-12-01")));
        assertEquals("Action needed finding: Practice Cloud", n.title());
        assertEquals("Model pc-1 is retired on 2026-12-01. Open Discovery to read it.", n.text());
        assertEquals(Notification.Urgency.ATTENTION, n.urgency());
    }

    @Test
    void severalFindingsBecomeOneSummaryThatCountsTheCriticalOnes() {
        Notification n = FindingNotices.of(List.of(
                finding(Urgency.CRITICAL, "OpenAI", "Security advisory: leaked keys"),
                finding(Urgency.CRITICAL, "Stripe", "Incident"),
                finding(Urgency.ACTION_NEEDED, "Anthropic", "Deprecation")));
        assertEquals("3 findings need you", n.title());
        assertTrue(n.text().startsWith("2 critical. Most urgent (OpenAI): Security advisory: leaked keys."), n.text());
    }

    @Test
    void providerTextIsFlattenedToOneShortLine() {
        String hostile = "Line one\nline two\t\u0007" + "x".repeat(300);
        Notification n = FindingNotices.of(List.of(finding(Urgency.CRITICAL, "P", hostile)));
        assertFalse(n.text().contains("\n") || n.text().contains("\u0007"), n.text());
        assertTrue(n.text().length() < 160, n.text());
        assertTrue(n.text().startsWith("Line one line two x"), n.text());
    }

    @Test
    void aFindingWithoutATitleStillReadsAsASentenceAndAnEmptyListIsRefused() {
        assertEquals("a new finding. Open Discovery to read it.",
                FindingNotices.of(List.of(finding(Urgency.CRITICAL, null, " "))).text());
        assertThrows(IllegalArgumentException.class, () -> FindingNotices.of(List.of()));
    }

    private static StoredFinding finding(Urgency urgency, String providerName, String title) {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        return new StoredFinding("f-" + title.hashCode(), "prov-1", "practice-cloud", providerName, now, now,
                "https://status.example.test/1", title, "snippet", SourceKind.STATUS_INCIDENT, FindingCategory.DEPRECATION,
                urgency, 0.9, "you hold a key", null, null, FindingStatus.NEW, null, null, now);
    }
}
