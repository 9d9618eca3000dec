package dev.keyward.reflib.archive;

/** What an archive entry is, as far as extraction cares. */
enum ItemKind {
    FILE,
    DIRECTORY,
    SYMLINK,
    HARDLINK,
    /** Devices, pipes and other entries that are never written. */
    SPECIAL,
    /** Format bookkeeping such as a pax global header; not content. */
    METADATA
}
