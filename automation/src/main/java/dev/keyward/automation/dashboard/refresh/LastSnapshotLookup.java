package dev.keyward.automation.dashboard.refresh;

import java.util.Optional;

/** Finds a key's last good snapshot, for providers Keyward can neither call nor scrape. */
@FunctionalInterface
public interface LastSnapshotLookup {

    /**
     * The newest snapshot of the secret whose {@code collection_status} is {@code success} or
     * {@code partial} and whose method is {@code api} or {@code scrape} (a cached copy is not a source).
     */
    Optional<StoredSnapshot> lastGood(String secretId);

    /** A lookup that never finds anything. */
    static LastSnapshotLookup none() {
        return secretId -> Optional.empty();
    }
}
