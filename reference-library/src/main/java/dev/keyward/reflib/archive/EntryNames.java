package dev.keyward.reflib.archive;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Judges archive entry names and link targets without touching the file system: a name is
 * split into plain segments, and anything that could point outside the extraction folder is
 * rejected.
 */
final class EntryNames {

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private EntryNames() {}

    /** Thrown for a name or link target that escapes; the whole archive is then refused. */
    static final class EscapeException extends Exception {
        EscapeException(String message) {
            super(message);
        }
    }

    /**
     * The segments of an entry name, e.g. {@code repo-sha/src/a.py -> [repo-sha, src, a.py]};
     * empty for the archive root ({@code ./}).
     *
     * @throws EscapeException for absolute names, drive letters, {@code ..} segments or NUL characters
     */
    static List<String> segments(String name) throws EscapeException {
        if (name == null || name.indexOf('\0') >= 0) {
            throw new EscapeException("entry name with a NUL character");
        }
        if (name.startsWith("/") || name.startsWith("\\") || DRIVE.matcher(name).matches()) {
            throw new EscapeException("absolute entry name " + name);
        }
        List<String> segments = new ArrayList<>();
        // A backslash is a separator on Windows, so it counts as one here as well.
        for (String segment : name.split("[/\\\\]")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                throw new EscapeException("entry name with '..': " + name);
            }
            segments.add(segment);
        }
        return segments;
    }

    /** Longest file name the desktop file systems take, in UTF-8 bytes. */
    static final int MAX_SEGMENT_BYTES = 255;
    /** Longest path kept below the extraction folder (macOS's PATH_MAX, less room for the folder). */
    static final int MAX_PATH_BYTES = 768;

    /**
     * True when a path can be created on every desktop OS: no ':' stream/drive syntax, no control
     * characters, no name longer than the file systems take.
     */
    static boolean portable(List<String> segments) {
        if (String.join("/", segments).getBytes(StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
            return false;
        }
        for (String segment : segments) {
            if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
                return false;
            }
            for (int i = 0; i < segment.length(); i++) {
                char c = segment.charAt(i);
                if (c < 0x20 || c == ':') {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Whether a link target stays inside the archive.
     *
     * @param base   the segments the target is relative to: the link's folder for a symbolic
     *               link, the archive root (empty) for a hard link
     * @param target the stored target
     */
    static boolean staysInside(List<String> base, String target) {
        if (target == null || target.isEmpty() || target.indexOf('\0') >= 0
                || target.startsWith("/") || target.startsWith("\\") || DRIVE.matcher(target).matches()) {
            return false;
        }
        List<String> resolved = new ArrayList<>(base);
        for (String segment : target.split("[/\\\\]")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (resolved.isEmpty()) {
                    return false;
                }
                resolved.remove(resolved.size() - 1);
            } else {
                resolved.add(segment);
            }
        }
        return true;
    }
}
