package dev.keyward.vault.scan;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Something to scan: its name in reports (and commit, for git history) and a way to read its bytes. */
public interface ScanSource {

    /** The path a report shows, {@code /}-separated. */
    String path();

    /** The commit this source was read from; empty for a file on disk. */
    Optional<String> commit();

    /** A new stream over the bytes; the scanner closes it. */
    InputStream open() throws IOException;

    /**
     * How many bytes the source is expected to hold, or -1 when that is not known: the scanner sizes its
     * buffer to it (a small file gets a small buffer) and still reads a source that turns out longer.
     */
    default long expectedSize() {
        return -1;
    }

    /** Opens a source's bytes. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    /** A source named {@code path} (and {@code commit}) read through {@code opener}, of unknown size. */
    static ScanSource of(String path, Optional<String> commit, Opener opener) {
        return of(path, commit, -1, opener);
    }

    /** A source named {@code path} (and {@code commit}) of about {@code expectedSize} bytes, read through {@code opener}. */
    static ScanSource of(String path, Optional<String> commit, long expectedSize, Opener opener) {
        return new ScanSource() {
            @Override
            public String path() {
                return path;
            }

            @Override
            public Optional<String> commit() {
                return commit;
            }

            @Override
            public InputStream open() throws IOException {
                return opener.open();
            }

            @Override
            public long expectedSize() {
                return expectedSize;
            }
        };
    }
}
