package dev.keyward.app.ui.scan;

import java.nio.file.Path;

/**
 * One line of the Scan page's results: a group's title, or a place under it.
 *
 * @param text      what the line says (never a value: the last four characters at most)
 * @param file      the file (or folder) on disk the line is about, or null for a group's title
 * @param shown     that file's path as the results show it (from the scanned folder's name), or null
 * @param adoptable whether the file is a {@code .env} file the Adopt button takes
 */
record ResultRow(String text, Path file, String shown, boolean adoptable) {

    /** A group's title. */
    static ResultRow title(String text) {
        return new ResultRow(text, null, null, false);
    }

    @Override
    public String toString() {
        return text;
    }
}
