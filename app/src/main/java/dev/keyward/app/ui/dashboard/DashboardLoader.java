package dev.keyward.app.ui.dashboard;

import dev.keyward.automation.dashboard.store.DashboardCard;
import dev.keyward.automation.dashboard.store.OverviewQuery;
import dev.keyward.automation.dashboard.store.WatchedKey;
import dev.keyward.automation.dashboard.store.WatchedKeyQuery;
import dev.keyward.vault.session.VaultSession;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what the dashboard page shows, on a background thread. It never enables the automation
 * schema by itself: a profile without it gets the empty state that explains what enabling does.
 */
final class DashboardLoader {

    private final VaultSession session;
    private final ZoneId zone;

    DashboardLoader(VaultSession session, ZoneId zone) {
        this.session = session;
        this.zone = zone;
    }

    DashboardState load() {
        if (!session.automationEnabled()) {
            return new DashboardState.AutomationOff();
        }
        String profileId = session.profileId();
        // One read transaction: the cards and the keys' dates agree with each other.
        record Read(List<DashboardCard> cards, List<WatchedKey> keys) {
        }
        Read read = session.database().read(c -> new Read(new OverviewQuery(profileId).cards(c),
                new WatchedKeyQuery(profileId).all(c)));
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
