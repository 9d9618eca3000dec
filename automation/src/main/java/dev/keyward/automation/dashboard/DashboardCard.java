package dev.keyward.automation.dashboard;

import java.util.List;

/**
 * One key on the dashboard: its latest snapshot as a card (health, service status, usage, cost,
 * warnings, when it was collected). A key that was never collected has null snapshot fields.
 *
 * @param secretId         {@code secrets.id}
 * @param secretName       {@code secrets.name}
 * @param providerSlug     the provider's slug
 * @param providerName     the provider's display name
 * @param collectedAt      {@code collected_at} of the latest snapshot, or null
 * @param method           {@code collection_method}, or null
 * @param status           {@code collection_status}, or null
 * @param health           {@code health_status}, or null
 * @param service          {@code service_status}, or null
 * @param usagePercent     usage as a percent of the limit, or null
 * @param requests         requests in the billing period, or null
 * @param requestLimit     the period's request limit, or null
 * @param cost             the billing period's cost so far, or null
 * @param currency         that cost's currency, or null
 * @param warnings         warning sentences of the snapshot
 * @param error            {@code error_message_redacted}, or null
 */
public record DashboardCard(
        String secretId,
        String secretName,
        String providerSlug,
        String providerName,
        String collectedAt,
        String method,
        String status,
        String health,
        String service,
        Double usagePercent,
        Long requests,
        Long requestLimit,
        Double cost,
        String currency,
        List<String> warnings,
        String error) {

    public DashboardCard {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** True when the key has at least one snapshot. */
    public boolean collected() {
        return collectedAt != null;
    }
}
