package dev.keyward.automation.dashboard.admin;

import java.util.List;

/**
 * What one refresh read from a provider's admin API with one admin key. Each part can be missing on
 * its own (too few permissions, a rate limit); {@code notes} says why in sentences that hold no key,
 * no response body and no provider message.
 *
 * @param providerSlug      the provider
 * @param inventory         every key listed, admin keys included
 * @param inventoryComplete true when every page of every inventory was read, so a vault key that is not
 *                          listed really is gone upstream
 * @param usage             daily usage rows per key and model
 * @param usageRead         true when the usage endpoints answered
 * @param costs             daily cost rows per scope
 * @param costsRead         true when the cost endpoint answered
 * @param keyRejected       true when the admin key itself was refused (401) on every endpoint
 * @param notes             sentences about what could not be read
 */
public record OrganizationReport(
        String providerSlug,
        List<InventoryKey> inventory,
        boolean inventoryComplete,
        List<UsageRow> usage,
        boolean usageRead,
        List<CostRow> costs,
        boolean costsRead,
        boolean keyRejected,
        List<String> notes) {

    public OrganizationReport {
        inventory = List.copyOf(inventory);
        usage = List.copyOf(usage);
        costs = List.copyOf(costs);
        notes = List.copyOf(notes);
    }

    /** True when nothing at all could be read. */
    public boolean empty() {
        return !inventoryComplete && inventory.isEmpty() && !usageRead && !costsRead;
    }
}
