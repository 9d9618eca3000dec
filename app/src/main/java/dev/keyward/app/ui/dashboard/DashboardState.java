package dev.keyward.app.ui.dashboard;

import java.util.List;

/** What the dashboard page can show: an empty state that says why, or the keys' cards. */
sealed interface DashboardState {

    /** The profile's automation tables (where snapshots live) are not enabled yet. */
    record AutomationOff() implements DashboardState {
    }

    /** Automation is on but no secret has a provider, so nothing is watched. */
    record NoKeys() implements DashboardState {
    }

    /** One card per watched key, in name order. */
    record Cards(List<KeyCard> cards) implements DashboardState {
        public Cards {
            cards = List.copyOf(cards);
        }
    }
}
