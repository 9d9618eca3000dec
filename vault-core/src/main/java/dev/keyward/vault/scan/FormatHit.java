package dev.keyward.vault.scan;

/** A key found by its format: {@code [start, end)} in the text searched, and the provider it is of. */
public record FormatHit(int start, int end, String providerSlug) {

    public FormatHit {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("A format hit needs 0 <= start < end.");
        }
    }
}
