package dev.keyward.reflib.index;

import java.util.Locale;
import java.util.Set;

/** Decides which source files are worth full-text indexing: code and docs, small, not binary. */
public final class IndexableFiles {

    /** Files above this size are hashed but not indexed (bundles, generated code, lock files). */
    public static final long MAX_INDEXED_BYTES = 1024 * 1024;

    private static final Set<String> EXTENSIONS = Set.of(
            "py", "pyi", "java", "kt", "kts", "js", "mjs", "cjs", "jsx", "ts", "mts", "cts", "tsx",
            "md", "mdx", "markdown", "rst", "txt", "html", "htm", "yml", "yaml", "toml", "sh", "cs", "go", "rb");

    private static final Set<String> NAMES = Set.of("readme", "license", "changelog", "contributing");

    private IndexableFiles() {}

    /** Whether a file's name and size make it a candidate; the content is checked by {@link #looksBinary}. */
    public static boolean candidate(String fileName, long sizeBytes) {
        if (sizeBytes > MAX_INDEXED_BYTES || sizeBytes == 0) {
            return false;
        }
        String lower = fileName.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        if (dot < 0) {
            return NAMES.contains(lower);
        }
        return EXTENSIONS.contains(lower.substring(dot + 1));
    }

    /** A NUL byte in the first 8 KiB marks a file as binary whatever its name says. */
    public static boolean looksBinary(byte[] content) {
        int end = Math.min(content.length, 8192);
        for (int i = 0; i < end; i++) {
            if (content[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
