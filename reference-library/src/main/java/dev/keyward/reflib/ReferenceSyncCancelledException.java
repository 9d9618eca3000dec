package dev.keyward.reflib;

/** A sync was cancelled by interrupting its thread; the previous version was kept. */
public final class ReferenceSyncCancelledException extends ReferenceLibraryException {

    public ReferenceSyncCancelledException(String sourceName) {
        super("The sync of " + sourceName + " was cancelled; the previous version was kept.", null);
    }
}
