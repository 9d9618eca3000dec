package dev.keyward.vault.scan;

import java.util.Optional;

/**
 * Where something was found: a path (relative to the folder the scan was started from where it lies
 * below it, with {@code /} separators), the commit for a file of git history, and the 1-based line
 * and column (in Unicode code points) of its first character.
 */
public record Location(String path, Optional<String> commit, long line, long column) {
}
