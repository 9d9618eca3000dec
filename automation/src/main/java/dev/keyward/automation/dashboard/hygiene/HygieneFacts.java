package dev.keyward.automation.dashboard.hygiene;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the hygiene rules look at, read in one go from the vault.
 *
 * @param inventory       every provider key of the last reads
 * @param vaultKeys       every watched vault key of a provider whose inventory was read in full
 * @param expiries        every vault key of a provider with an expiry: its own, or the one the provider last reported
 * @param costs           daily spend per provider and scope
 * @param usedModels      per model, the keys (secret names or provider key names) that used it and the last day
 * @param deprecations    open deprecation findings
 * @param rotationScripts approved key-management programs per provider slug
 * @param dismissed       keys of dismissed findings
 */
record HygieneFacts(
        List<Listed> inventory,
        List<VaultKey> vaultKeys,
        List<Expiry> expiries,
        List<DailyCost> costs,
        List<ModelUse> usedModels,
        List<Deprecation> deprecations,
        Map<String, List<HygieneAction.RunRotationProgram>> rotationScripts,
        Set<String> dismissed) {

    /** A provider key as stored, with the vault secret it matched. */
    record Listed(String providerSlug, String upstreamId, String name, String hint, String status, boolean adminKey,
                  String secretName, int candidates, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
                  String providerPage) {
    }

    /** A watched vault key of a provider whose inventory is known in full. */
    record VaultKey(String providerSlug, String secretId, String secretName, boolean listed, boolean adminKey,
                    String providerPage) {
    }

    /**
     * When a vault key expires: the earlier of the secret's own {@code expires_at} and the expiry the provider
     * reported at the last refresh (GitHub's {@code github-authentication-token-expiration}, kept as
     * {@code config_attributes_json.token_expires_at}).
     */
    record Expiry(String providerSlug, String secretId, String secretName, Instant expiresAt, boolean reportedByProvider,
                  String providerPage) {
    }

    /** One day of spend of one scope. */
    record DailyCost(String providerSlug, String scopeId, LocalDate day, double amount, String currency, String usagePage) {
    }

    /** A model used by a key within the last 30 days. */
    record ModelUse(String providerId, String model, String keyLabel, LocalDate lastDay) {
    }

    /** An open deprecation finding. */
    record Deprecation(String id, String providerId, String providerSlug, String title, String text, String urgency) {
    }
}
