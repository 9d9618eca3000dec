package dev.keyward.vault.provider;

/**
 * Where a key in a provider's format sits in a text: {@code [start, end)} in chars. It holds no
 * copy of the key; {@code byNameHint} is true when the shape alone was too weak and the name it
 * was assigned to (such as {@code ALGOLIA_ADMIN_KEY}) decided.
 */
public record KeyFormatMatch(String providerSlug, int start, int end, boolean byNameHint) {
}
