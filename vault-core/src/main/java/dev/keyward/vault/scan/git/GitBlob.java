package dev.keyward.vault.scan.git;

import java.io.IOException;
import java.io.InputStream;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;

/**
 * One blob of a repository, handed to a {@link GitScanListener}: where it was found, its size, and its
 * content as a stream. It is valid only during that call (its reader belongs to the walk), and its
 * content is read only when asked for, inflated as it is read, so a large blob never sits in memory.
 */
public final class GitBlob {

    private final GitLocation location;
    private final ObjectId id;
    private final long size;
    private final ObjectReader reader;

    GitBlob(GitLocation location, ObjectId id, long size, ObjectReader reader) {
        this.location = location;
        this.id = id.copy();
        this.size = size;
        this.reader = reader;
    }

    public GitLocation location() {
        return location;
    }

    /** The blob's id as git prints it (40 hex digits). */
    public String id() {
        return id.name();
    }

    /** Its size in bytes. */
    public long size() {
        return size;
    }

    /** Its content, inflated as it is read; the caller closes it. */
    public InputStream open() throws IOException {
        return reader.open(id, Constants.OBJ_BLOB).openStream();
    }

    @Override
    public String toString() {
        return "GitBlob[" + location.describe() + ", " + size + " bytes]"; // never the content
    }
}
