package dev.keyward.automation.dashboard.admin;

import java.time.Instant;
import java.util.Objects;

/**
 * One key as the provider's key inventory lists it; never its value.
 *
 * @param upstreamId the provider's id of the key ({@code key_abc}, {@code apikey_01...})
 * @param name       the key's name at the provider, or null
 * @param hint       the provider's redacted form ({@code sk-ant-api03-R2D...igAA}), or null when it had no usable shape
 * @param scopeId    the OpenAI project or Anthropic workspace, or null
 * @param owner      who owns or created it (a user's name or email, a service account), or null
 * @param status     {@code active}, {@code inactive}, {@code archived} or {@code expired}
 * @param adminKey   true for an admin key listed by the admin-key inventory
 * @param createdAt  when it was created, or null
 * @param lastUsedAt when it was last used, or null when never or unknown
 * @param expiresAt  when it expires, or null
 */
public record InventoryKey(
        String upstreamId,
        String name,
        String hint,
        String scopeId,
        String owner,
        String status,
        boolean adminKey,
        Instant createdAt,
        Instant lastUsedAt,
        Instant expiresAt) {

    public InventoryKey {
        Objects.requireNonNull(upstreamId, "upstreamId");
        Objects.requireNonNull(status, "status");
    }

    /** True while the provider still accepts the key. */
    public boolean active() {
        return status.equals("active");
    }
}
