package dev.keyward.vault.scan.git;

import dev.keyward.vault.scan.CatalogFormatSearch;
import dev.keyward.vault.scan.ContentScanner;
import dev.keyward.vault.scan.Finding;
import dev.keyward.vault.scan.KnownValue;
import dev.keyward.vault.scan.KnownValues;
import dev.keyward.vault.scan.ScanListener;
import dev.keyward.vault.scan.ScanOptions;
import dev.keyward.vault.scan.ScanSummary;
import dev.keyward.vault.scan.SkippedSource;
import dev.keyward.vault.scan.ValueMatcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Repository;

/**
 * The long-history figure of docs/performance.md: generates a history of N commits (default 100,000; each
 * changes one of 50 files, a key added and deleted half-way) as one pack, then walks it with progress, and
 * prints the time, commits, blobs and the heap in use. Not a test: run it by hand (see docs/performance.md).
 */
public final class HistoryWalkBench {

    private HistoryWalkBench() {
    }

    public static void main(String[] args) throws Exception {
        int commits = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int files = 50;
        Path dir = Files.createTempDirectory("keyward-history-bench");
        long start = System.nanoTime();
        try (RawHistory history = new RawHistory(dir)) {
            for (int f = 0; f < files; f++) {
                history.put("file" + f + ".txt", "file " + f + " version 0\n");
            }
            history.commit("c0");
            for (int c = 1; c < commits; c++) {
                int f = c % files;
                history.put("file" + f + ".txt", "file " + f + " version " + c + "\n".repeat(1 + c % 7));
                if (c == commits / 2) {
                    history.put("leak.env", "KEY=CANARY-BENCH\n");
                } else if (c == commits / 2 + 1) {
                    history.remove("leak.env");
                }
                history.commit("c" + c);
            }
            history.publish();
        }
        System.out.printf("generated %d commits in %.1f s%n", commits, (System.nanoTime() - start) / 1e9);
        KnownValues values = KnownValues.none().add(new KnownValue("BENCH", 1, true, ""), "CANARY-BENCH".toCharArray());
        GitScanner scanner = new GitScanner(new ContentScanner(ValueMatcher.of(values), CatalogFormatSearch.bundled()),
                ScanOptions.defaults(List.of()));
        long[] found = {0};
        long[] lastPrint = {System.nanoTime()};
        ScanListener listener = new ScanListener() {
            @Override
            public void found(Finding finding) {
                found[0]++;
            }

            @Override
            public void skipped(SkippedSource skipped) {
            }
        };
        start = System.nanoTime();
        ScanSummary summary;
        try (Repository repository = GitRepositories.open(dir, Map.of())) {
            summary = scanner.history(repository, listener, (done, total) -> {
                if (System.nanoTime() - lastPrint[0] > 5_000_000_000L) {
                    lastPrint[0] = System.nanoTime();
                    System.out.println("  " + done + " of " + total + " commits");
                }
            }, () -> false);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.out.printf("scanned %d blobs (%d bytes), %d found, %d skipped in %.1f s; heap in use after: %d MiB (max %d MiB)%n",
                summary.sourcesRead(), summary.bytesRead(), found[0], summary.skipped(), seconds,
                (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
    }
}
