package dev.keyward.vault.scan;

/**
 * Which stored value a copy is of: the secret's name and version, whether that version is the current
 * one, and the value's last-four hint (empty for short values). Never the value itself.
 */
public record KnownValue(String secretName, int version, boolean current, String last4) {
}
