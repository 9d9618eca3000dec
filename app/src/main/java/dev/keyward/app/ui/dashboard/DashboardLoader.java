package dev.keyward.app.ui.dashboard;

import dev.keyward.automation.dashboard.service.DashboardService;
import dev.keyward.automation.dashboard.service.DashboardView;
import dev.keyward.vault.session.VaultSession;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads what the dashboard page shows, on a background thread. It never enables the automation
 * schema by itself: a profile without it gets the empty state that explains what enabling does.
 */
final class DashboardLoader {

    private final VaultSession session;
    private final DashboardService dashboard;
    private final ZoneId zone;

    DashboardLoader(VaultSession session, DashboardService dashboard, ZoneId zone) {
        this.session = session;
        this.dashboard = dashboard;
        this.zone = zone;
    }

    DashboardState load() {
        if (!session.automationEnabled()) {
            return new DashboardState.AutomationOff();
        }
        DashboardView read = dashboard.view();
        if (read.cards().isEmpty()) {
            return new DashboardState.NoKeys();
        }
        Map<String, Instant> keyDates = new HashMap<>();
        read.keys().forEach(key -> {
            if (key.keyDate() != null) {
                keyDates.put(key.secretId(), key.keyDate());
            }
        });
        Instant now = session.clock().instant();
        return new DashboardState.Cards(read.cards().stream()
                .map(card -> KeyCard.of(card, keyDates.get(card.secretId()), now, zone))
                .toList());
    }
}
