package dev.keyward.app.ui.discovery;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.discovery.classify.Urgency;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InboxEmptyStateTest {

    @Test
    void aNewProfileWithNetworkOffIsToldToTurnItOnInSettings() {
        String text = InboxEmptyState.describe(InboxFilter.initial(), false, false);
        assertTrue(text.contains("network access is off") && text.contains("Settings"), text);
    }

    @Test
    void aNewProfileWithNetworkOnIsToldToCheckNow() {
        assertTrue(InboxEmptyState.describe(InboxFilter.initial(), false, true).contains("Press Check now"));
    }

    @Test
    void anInboxWithNothingOpenPointsToAllStatuses() {
        assertTrue(InboxEmptyState.describe(InboxFilter.initial(), true, true).startsWith("Nothing open"));
    }

    @Test
    void narrowFiltersAreNamedAsTheReason() {
        InboxFilter critical = new InboxFilter(InboxFilter.OPEN, Set.of(Urgency.CRITICAL), null);
        assertTrue(InboxEmptyState.describe(critical, true, false).startsWith("No findings match these filters."));
    }
}
