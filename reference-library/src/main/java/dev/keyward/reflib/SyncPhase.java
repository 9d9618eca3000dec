package dev.keyward.reflib;

/** The stages of a sync, in order. */
public enum SyncPhase {
    /** Bytes of the archive received (total known when the server sent a length). */
    DOWNLOADING,
    /** Bytes written while unpacking (total unknown). */
    EXTRACTING,
    /** Files hashed and indexed (total known). */
    INDEXING
}
