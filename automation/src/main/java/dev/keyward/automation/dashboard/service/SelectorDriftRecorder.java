package dev.keyward.automation.dashboard.service;

import dev.keyward.automation.dashboard.scrape.ScrapePlan;
import dev.keyward.automation.dashboard.scrape.SelectorCheck;
import dev.keyward.automation.dashboard.ProviderSelector;
import dev.keyward.automation.dashboard.store.SelectorRepository;
import dev.keyward.vault.session.VaultSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores what a scrape learned about the selectors: matched ones become verified, missing ones
 * broken. A selector that breaks now (it was not broken before) raises a drift alert: an audit row
 * and a {@link DashboardAlerts} alert; the snapshot itself carries the drift warning.
 */
final class SelectorDriftRecorder implements SelectorCheck {

    private final VaultSession session;
    private final SelectorRepository selectors;
    private final DashboardAlerts alerts;

    SelectorDriftRecorder(VaultSession session, SelectorRepository selectors, DashboardAlerts alerts) {
        this.session = session;
        this.selectors = selectors;
        this.alerts = alerts;
    }

    @Override
    public void checked(ScrapePlan plan, List<ProviderSelector> matched, List<ProviderSelector> broken) {
        List<ProviderSelector> newlyBroken = broken.stream().filter(s -> !s.isBroken()).toList();
        session.database().write(c -> {
            String now = session.now();
            selectors.markVerified(c, matched.stream().map(ProviderSelector::id).toList(), now);
            selectors.markBroken(c, broken.stream().map(ProviderSelector::id).toList(), now);
            if (!newlyBroken.isEmpty()) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("provider", plan.providerSlug());
                details.put("data_types", newlyBroken.stream().map(ProviderSelector::dataType).toList());
                details.put("versions", newlyBroken.stream().map(ProviderSelector::version).toList());
                session.audit().record(c, "dashboard", "selector_drift", "provider", plan.providerId(), details);
            }
            return null;
        });
        if (!newlyBroken.isEmpty()) {
            String message = session.redactor().redact("The dashboard page of " + plan.providerSlug()
                    + " changed: " + newlyBroken.size() + " selector(s) no longer match ("
                    + String.join(", ", newlyBroken.stream().map(ProviderSelector::dataType).toList())
                    + "). Its figures stay incomplete until a new selector version is added.");
            alerts.raise(new DashboardAlerts.Alert(DashboardAlerts.Kind.SELECTOR_DRIFT, plan.providerSlug(), message,
                    session.clock().instant()));
        }
    }
}
