package dev.keyward.vault.scan;

/** One thing a scan found and where; holds no value (the last four characters at most). */
public record Finding(Location location, FindingKind kind) {
}
