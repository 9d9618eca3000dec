package dev.keyward.app.session;

import dev.keyward.reflib.LibrarySettings;
import dev.keyward.reflib.ReferenceLibrary;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The reference library of a data folder and the download client it syncs over, closed together. It needs
 * no unlocked profile: the library lives beside the profiles, outside every vault, and holds only public
 * sources, so {@code keyward reflib} opens one directly and a session's services hold one for generation.
 */
public final class LibraryAccess implements AutoCloseable {

    private final Path dataRoot;
    private final URI archiveBase;
    private HttpClient downloads;
    private ReferenceLibrary library;
    private boolean closed;

    private LibraryAccess(Path dataRoot, URI archiveBase) {
        this.dataRoot = Objects.requireNonNull(dataRoot, "dataRoot");
        this.archiveBase = Objects.requireNonNull(archiveBase, "archiveBase");
    }

    /** The library in {@code dataRoot}, downloading archives from {@code archiveBase} (GitHub, or a mirror). */
    public static LibraryAccess of(Path dataRoot, URI archiveBase) {
        return new LibraryAccess(dataRoot, archiveBase);
    }

    /** The library in {@code dataRoot}, downloading from GitHub. */
    public static LibraryAccess ofGitHub(Path dataRoot) {
        return of(dataRoot, LibrarySettings.GITHUB_ARCHIVE_BASE);
    }

    /** True when a library was set up in the data folder (reading it then creates nothing). */
    public boolean exists() {
        return ReferenceLibrary.existsIn(dataRoot);
    }

    /** The library; made on first use (its download client too). */
    public synchronized ReferenceLibrary library() {
        if (closed) {
            throw new IllegalStateException("The reference library was closed.");
        }
        if (library == null) {
            downloads = HttpClients.forDownloads();
            library = new ReferenceLibrary(dataRoot, archiveBase, downloads);
        }
        return library;
    }

    /** Ends the download client's threads. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (downloads != null) {
            HttpClients.close(downloads);
        }
    }
}
