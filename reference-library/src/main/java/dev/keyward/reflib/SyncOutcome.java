package dev.keyward.reflib;

/** The result of syncing one source during {@link ReferenceLibrary#syncAll}: a report or an error. */
public sealed interface SyncOutcome {

    String sourceName();

    /** The source was synced (or was already current). */
    record Synced(SyncReport report) implements SyncOutcome {
        @Override
        public String sourceName() {
            return report.sourceName();
        }
    }

    /** The source failed; its previous version, if any, is still installed. */
    record Failed(String sourceName, ReferenceLibraryException error) implements SyncOutcome {}
}
