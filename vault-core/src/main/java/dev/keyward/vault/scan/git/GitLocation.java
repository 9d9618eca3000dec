package dev.keyward.vault.scan.git;

import java.util.Optional;

/**
 * Where a blob of a repository was found: the commit that introduced its content (none for a staged file
 * or for a tree a tag names directly) and its path there.
 *
 * @param commit the full id of the commit, if any
 * @param path   the path inside the commit's tree (or the index), with {@code /} between folders
 */
public record GitLocation(Optional<String> commit, String path) {

    public static GitLocation inCommit(String commit, String path) {
        return new GitLocation(Optional.of(commit), path);
    }

    public static GitLocation staged(String path) {
        return new GitLocation(Optional.empty(), path);
    }

    /** As a report names it: {@code 1a2b3c4d5e6f:path} for history, the path alone when staged. */
    public String describe() {
        return commit.map(c -> c.substring(0, Math.min(12, c.length())) + ":" + path).orElse(path);
    }
}
