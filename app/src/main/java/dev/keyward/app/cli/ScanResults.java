package dev.keyward.app.cli;

import dev.keyward.vault.scan.Finding;
import dev.keyward.vault.scan.ScanListener;
import dev.keyward.vault.scan.SkippedSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects a scan's findings and skipped files, for a report in the order of their places. */
final class ScanResults implements ScanListener {

    private static final Comparator<Finding> BY_PLACE = Comparator
            .comparing((Finding f) -> f.location().path())
            .thenComparing(f -> f.location().commit().orElse(""))
            .thenComparingLong(f -> f.location().line())
            .thenComparingLong(f -> f.location().column());

    private final List<Finding> findings = new ArrayList<>();
    private final List<SkippedSource> skipped = new ArrayList<>();

    @Override
    public void found(Finding finding) {
        findings.add(finding);
    }

    @Override
    public void skipped(SkippedSource source) {
        skipped.add(source);
    }

    /** The findings sorted by path, commit, line and column. */
    List<Finding> findings() {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(BY_PLACE);
        return sorted;
    }

    /** The skipped files sorted by path. */
    List<SkippedSource> skipped() {
        List<SkippedSource> sorted = new ArrayList<>(skipped);
        sorted.sort(Comparator.comparing(SkippedSource::path));
        return sorted;
    }
}
