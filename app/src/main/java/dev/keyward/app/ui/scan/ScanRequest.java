package dev.keyward.app.ui.scan;

import java.nio.file.Path;
import java.util.List;

/**
 * What a person asked the Scan page to scan.
 *
 * @param folders           the chosen folders, in the order they were added
 * @param keyFormats        also look for keys the vault does not hold, by their provider's format
 * @param honourIgnoreFiles leave out what {@code .gitignore} files ignore
 */
record ScanRequest(List<Path> folders, boolean keyFormats, boolean honourIgnoreFiles) {

    ScanRequest {
        folders = List.copyOf(folders);
    }
}
