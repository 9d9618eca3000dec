package dev.keyward.vault.secrets;

/** One value a secret has had, without the value. */
public record SecretVersionInfo(int version, String last4, String createdAt, String retiredAt) {
}
