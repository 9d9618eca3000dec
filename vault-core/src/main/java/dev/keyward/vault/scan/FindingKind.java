package dev.keyward.vault.scan;

/** What was found: a copy of a vault value, or a key in a provider's format that the vault does not hold. */
public sealed interface FindingKind {

    /** The last four characters at most; empty for values too short to hint. */
    String last4();

    /** A copy of {@code owner}'s value, written in {@code encoding}. */
    record Copy(KnownValue owner, ValueEncoding encoding) implements FindingKind {
        @Override
        public String last4() {
            return owner.last4();
        }
    }

    /** A key of {@code providerSlug}'s format whose value is not in the vault. */
    record Unvaulted(String providerSlug, String last4) implements FindingKind {
    }
}
