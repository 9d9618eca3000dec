package dev.keyward.app.ui.scan;

import dev.keyward.vault.scan.Finding;
import dev.keyward.vault.scan.SkippedSource;
import java.nio.file.Path;
import java.util.List;

/**
 * What a scan of the page came to: its findings and skipped files (each with the file on disk, so its folder
 * can be opened), the totals, whether it was cancelled, and the {@code .env} files that could be adopted.
 * Holds no value: a finding carries the last four characters at most.
 *
 * @param envProblems sentences for scanned folders whose {@code .env} files could not be looked at
 */
record ScanOutcome(List<Located> findings, List<SkippedFile> skipped, long filesRead, long bytesRead,
                   long binarySkipped, int valuesSearched, boolean cancelled, List<EnvFile> envFiles,
                   List<String> envProblems) {

    ScanOutcome {
        findings = List.copyOf(findings);
        skipped = List.copyOf(skipped);
        envFiles = List.copyOf(envFiles);
        envProblems = List.copyOf(envProblems);
    }

    /** A finding and the file it is in. */
    record Located(Finding finding, Path file) {
    }

    /** A file that was not read (or not whole), and where it is. */
    record SkippedFile(SkippedSource source, Path file) {
    }

    /**
     * A {@code .env} file that adopting would change: where it is, how it is shown, the project it would go
     * to, and how many of its variables would move into the vault (or be refused).
     */
    record EnvFile(Path file, String shown, String project, int variables) {
    }
}
