package dev.keyward.vault.scan;

/** Why a file was not scanned, or not scanned whole; {@link #sentence()} is the report's wording. */
public enum SkipReason {
    TOO_LARGE("larger than the size limit: not read"),
    SYMLINK_OUT_OF_TREE("a symbolic link to outside the scanned folder: not followed"),
    UNREADABLE("could not be read (no permission, or a read error)"),
    GIT_OBJECT_MISSING("a git object it needs is missing from the repository: skipped"),
    GIT_OBJECT_DAMAGED("a git object it needs is damaged: skipped (git fsck tells more)"),
    VANISHED("vanished before it could be read"),
    CHANGED("changed while it was read: scan it again for a complete result"),
    KEYWARD_DATA("Keyward's own data folder: never read");

    private final String sentence;

    SkipReason(String sentence) {
        this.sentence = sentence;
    }

    /** The report's words for this reason, such as "vanished before it could be read". */
    public String sentence() {
        return sentence;
    }
}
