package dev.keyward.vault.scan;

import java.util.Optional;

/** A source that was not scanned (or not whole), and why: a report line, never an error. */
public record SkippedSource(String path, Optional<String> commit, SkipReason reason) {
}
