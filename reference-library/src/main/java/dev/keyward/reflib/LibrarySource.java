package dev.keyward.reflib;

import java.util.Optional;

/**
 * A registered source and, if synced, its manifest row.
 *
 * @param pinned    what the user asked for
 * @param installed what is on disk, empty before the first sync
 */
public record LibrarySource(ReferenceSource pinned, Optional<ManifestEntry> installed) {

    public String name() {
        return pinned.name();
    }

    public SourceState state() {
        return installed.map(m -> m.commitSha().equals(pinned.commitSha()) ? SourceState.CURRENT : SourceState.OUTDATED)
                .orElse(SourceState.NOT_DOWNLOADED);
    }
}
