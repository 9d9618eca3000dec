package dev.keyward.automation.dashboard.service;

import dev.keyward.automation.dashboard.DashboardCard;
import dev.keyward.automation.dashboard.WatchedKey;
import java.util.List;

/**
 * What the dashboard shows, read in one transaction so the cards and the keys' dates agree.
 *
 * @param cards one card per watched key with its latest snapshot, in name order
 * @param keys  the watched keys with their dates (creation or rotation)
 */
public record DashboardView(List<DashboardCard> cards, List<WatchedKey> keys) {

    public DashboardView {
        cards = List.copyOf(cards);
        keys = List.copyOf(keys);
    }
}
