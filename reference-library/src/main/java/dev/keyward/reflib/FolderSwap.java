package dev.keyward.reflib;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Replaces a source folder by renames only: the old folder is renamed aside, the new one
 * renamed in, and the old one deleted after the manifest commit (or renamed back on failure).
 */
final class FolderSwap {

    private final Path incoming;
    private final Path target;
    private final Path retired;

    private FolderSwap(Path incoming, Path target, Path retired) {
        this.incoming = incoming;
        this.target = target;
        this.retired = retired;
    }

    static FolderSwap swapIn(Path incoming, Path target, LibraryFolder folder) throws IOException {
        Path retired = null;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            retired = folder.retiredPathFor(target.getFileName().toString());
            LibraryFolder.move(target, retired);
        }
        try {
            LibraryFolder.move(incoming, target);
        } catch (IOException e) {
            if (retired != null) {
                LibraryFolder.move(retired, target);
            }
            throw e;
        }
        return new FolderSwap(incoming, target, retired);
    }

    /** Puts the previous folder back after the manifest commit failed. */
    void undo() throws IOException {
        LibraryFolder.move(target, incoming);
        if (retired != null) {
            LibraryFolder.move(retired, target);
        }
    }

    void discardRetired(LibraryFolder folder) {
        if (retired != null) {
            folder.deleteTreeQuietly(retired);
        }
    }
}
