package dev.keyward.automation.dashboard.service;

import dev.keyward.automation.dashboard.scrape.ScrapePlan;
import dev.keyward.automation.dashboard.ProviderSelector;
import dev.keyward.automation.dashboard.store.SelectorRepository;
import dev.keyward.automation.dashboard.WatchedKey;
import dev.keyward.vault.session.VaultSession;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which providers a refresh run may scrape: those without an API collector that have a
 * dashboard URL and usable selectors, and, in an unattended run, only with autonomous mode on.
 */
final class ScrapePlans {

    /** The plans by provider slug, and a sentence about providers left out (or null). */
    record Plans(Map<String, ScrapePlan> bySlug, String note) {
    }

    private ScrapePlans() {
    }

    static Plans build(VaultSession session, SelectorRepository selectors, List<WatchedKey> keys, boolean scrapingForbidden) {
        Map<String, WatchedKey> candidates = new HashMap<>();
        for (WatchedKey key : keys) {
            if (!ApiCollectors.collectsByApi(key) && key.dashboardUrl() != null && !key.dashboardUrl().isBlank()) {
                candidates.putIfAbsent(key.providerSlug(), key);
            }
        }
        if (candidates.isEmpty()) {
            return new Plans(Map.of(), null);
        }
        Map<String, ScrapePlan> plans = new HashMap<>();
        session.database().read(c -> {
            for (WatchedKey key : candidates.values()) {
                List<ProviderSelector> current = selectors.current(c, key.providerId());
                URI dashboard = dashboardUri(key.dashboardUrl());
                if (dashboard != null && !current.isEmpty()) {
                    plans.put(key.providerSlug(), new ScrapePlan(key.providerId(), key.providerSlug(), dashboard, current));
                }
            }
            return null;
        });
        if (scrapingForbidden && !plans.isEmpty()) {
            return new Plans(Map.of(), "Dashboards of " + String.join(", ", plans.keySet().stream().sorted().toList())
                    + " were not scraped: background scraping needs autonomous_mode_enabled; their last snapshots are shown.");
        }
        return new Plans(plans, null);
    }

    private static URI dashboardUri(String text) {
        try {
            URI uri = URI.create(text.strip());
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return web && uri.getHost() != null ? uri : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
