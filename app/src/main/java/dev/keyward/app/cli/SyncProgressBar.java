package dev.keyward.app.cli;

import dev.keyward.reflib.ProgressListener;
import dev.keyward.reflib.SyncPhase;
import dev.keyward.reflib.SyncProgress;
import dev.keyward.vault.io.ByteCounts;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows the progress of a reference-library sync on stderr: the phase, a bar and done/total (bytes
 * while downloading and extracting, files while indexing).
 *
 * <p>On a terminal the bar is redrawn in place; otherwise (a pipe, a log file) it prints a line when a
 * phase starts, at each quarter and when it ends, so logs stay readable.
 */
final class SyncProgressBar implements ProgressListener {

    private static final int WIDTH = 24;

    private final PrintStream err;
    private final boolean redraw;
    private String source;
    private SyncPhase phase;
    private int lastQuarter = -1;
    private boolean lineOpen;

    SyncProgressBar(PrintStream err, boolean redraw) {
        this.err = err;
        this.redraw = redraw;
    }

    @Override
    public void onProgress(SyncProgress progress) {
        boolean newPhase = !progress.phase().equals(phase) || !progress.sourceName().equals(source);
        if (newPhase) {
            endLine();
            source = progress.sourceName();
            phase = progress.phase();
            lastQuarter = -1;
        }
        String line = render(progress);
        if (redraw) {
            err.print("\r" + line);
            lineOpen = true;
            return;
        }
        int quarter = progress.totalKnown() && progress.total() > 0
                ? (int) Math.min(4, progress.done() * 4 / progress.total()) : 0;
        if (newPhase || quarter > lastQuarter) {
            err.println(line);
            lastQuarter = quarter;
        }
    }

    /** Ends the redrawn line, so the next message starts on its own line. */
    void finish() {
        endLine();
    }

    private void endLine() {
        if (lineOpen) {
            err.println();
            lineOpen = false;
        }
    }

    static String render(SyncProgress p) {
        boolean files = p.phase() == SyncPhase.INDEXING;
        String verb = p.phase().name().toLowerCase(Locale.ROOT);
        String amount = files ? p.done() + (p.totalKnown() ? " / " + p.total() : "") + " files"
                : bytes(p.done()) + (p.totalKnown() ? " / " + bytes(p.total()) : "");
        String bar;
        if (p.totalKnown() && p.total() > 0) {
            int filled = (int) Math.min(WIDTH, p.done() * WIDTH / p.total());
            bar = "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] "
                    + String.format(Locale.ROOT, "%3d%%", Math.min(100, p.done() * 100 / p.total()));
        } else {
            bar = "[" + "?".repeat(WIDTH) + "]     ";
        }
        return String.format(Locale.ROOT, "%-11s %s %s %s", verb, p.sourceName(), bar, amount);
    }

    /** Binary units with one decimal, e.g. {@code 1.5 MiB}; plain bytes below 1 KiB. */
    static String bytes(long n) {
        return ByteCounts.approximate(n);
    }
}
