package dev.keyward.vault.scan;

import java.nio.file.Path;
import java.util.List;

/**
 * How a {@link TreeScanner} walks.
 *
 * @param honourIgnoreFiles skip what {@code .gitignore} files (and {@code .git/info/exclude}) ignore
 * @param maxFileSize       files larger than this many bytes are skipped with a report line
 * @param threads           files read at once
 * @param neverRead         folders and files never read, whatever the roots: Keyward's data folder
 */
public record ScanOptions(boolean honourIgnoreFiles, long maxFileSize, int threads, List<Path> neverRead) {

    /** The default size limit: 50 MiB; a text file with keys in it is far smaller. */
    public static final long DEFAULT_MAX_FILE_SIZE = 50L * 1024 * 1024;

    public ScanOptions {
        if (maxFileSize < 0 || threads < 1) {
            throw new IllegalArgumentException("maxFileSize must be >= 0 and threads >= 1");
        }
        neverRead = List.copyOf(neverRead);
    }

    /** At most this many reading threads, each with a buffer of about a mebibyte. */
    private static final int MAX_THREADS = 16;

    /** Ignore files honoured, the default size limit, one reading thread per processor (up to 16). */
    public static ScanOptions defaults(List<Path> neverRead) {
        return new ScanOptions(true, DEFAULT_MAX_FILE_SIZE,
                Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors())), neverRead);
    }
}
