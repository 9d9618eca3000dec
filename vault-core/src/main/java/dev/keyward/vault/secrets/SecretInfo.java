package dev.keyward.vault.secrets;

/**
 * A secret's metadata: everything a list shows, never its value.
 *
 * @param last4 the last four characters of the value, empty when the value is too short to hint
 */
public record SecretInfo(
        String id,
        String name,
        String providerSlug,
        int version,
        String last4,
        String fingerprint,
        String createdAt,
        String updatedAt,
        String rotatedAt,
        String expiresAt,
        String lastUsedAt) {
}
