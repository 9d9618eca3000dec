package dev.keyward.vault.scan;

/** One byte form the matcher looks for: whose value it is and how it is encoded. */
record Needle(KnownValue owner, ValueEncoding encoding) {
}
