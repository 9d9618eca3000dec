package dev.keyward.vault.profile;

/**
 * What can be said about a profile without unlocking it.
 *
 * @param damageReason why the header could not be read, or {@code null} when it is fine
 */
public record ProfileSummary(String id, String name, String createdAt, ProfileLocation location, String damageReason) {

    public boolean isDamaged() {
        return damageReason != null;
    }
}
