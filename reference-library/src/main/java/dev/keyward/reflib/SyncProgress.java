package dev.keyward.reflib;

/**
 * One progress report of a sync.
 *
 * @param sourceName the source being synced
 * @param phase      the current stage
 * @param done       bytes or files done in this stage
 * @param total      bytes or files in this stage, or -1 when unknown
 */
public record SyncProgress(String sourceName, SyncPhase phase, long done, long total) {

    public boolean totalKnown() {
        return total >= 0;
    }
}
