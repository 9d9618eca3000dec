package dev.keyward.automation.dashboard.admin;

/**
 * How one inventory key relates to the vault after matching.
 *
 * @param key        the provider's key
 * @param secretId   the vault secret it is, or null when unmatched
 * @param kind       {@code hint}, {@code confirmed}, or null when unmatched
 * @param candidates how many vault keys fit its hint (more than one without a confirmation is a collision)
 */
public record KeyMatch(InventoryKey key, String secretId, String kind, int candidates) {

    /** True when hints fit several vault keys (or several provider keys fit one vault key) and nobody confirmed which. */
    public boolean collision() {
        return secretId == null && candidates > 1;
    }
}
