package dev.keyward.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.reflib.SyncPhase;
import dev.keyward.reflib.SyncProgress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The sync progress bar: redrawn in place on a terminal, a few whole lines in a log. */
class SyncProgressBarTest {

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(captured, true, StandardCharsets.UTF_8);

    private String feed(boolean redraw, SyncProgress... reports) {
        SyncProgressBar bar = new SyncProgressBar(err, redraw);
        for (SyncProgress p : reports) {
            bar.onProgress(p);
        }
        bar.finish();
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void onATerminalTheBarIsRedrawnInPlaceAndEachPhaseEndsItsLine() {
        String out = feed(true,
                new SyncProgress("pw", SyncPhase.DOWNLOADING, 0, 4096),
                new SyncProgress("pw", SyncPhase.DOWNLOADING, 4096, 4096),
                new SyncProgress("pw", SyncPhase.INDEXING, 3, 3));

        assertEquals(2, out.split("\n", -1).length - 1, "one line per phase: " + out);
        assertTrue(out.startsWith("\rdownloading pw [------------------------]   0% 0 B / 4.0 KiB"), out);
        assertTrue(out.contains("\rdownloading pw [########################] 100% 4.0 KiB / 4.0 KiB\n"), out);
        assertTrue(out.endsWith("\rindexing    pw [########################] 100% 3 / 3 files\n"), out);
    }

    @Test
    void inALogOnlyPhaseStartsAndQuartersArePrinted() {
        SyncProgress[] reports = new SyncProgress[101];
        for (int i = 0; i <= 100; i++) {
            reports[i] = new SyncProgress("pw", SyncPhase.DOWNLOADING, i, 100);
        }
        String out = feed(false, reports);

        assertEquals(5, out.lines().count(), out);
        assertTrue(out.lines().allMatch(l -> l.startsWith("downloading pw [")), out);
        assertTrue(!out.contains("\r"));
    }

    @Test
    void unknownTotalsShowQuestionMarksAndBytesUseBinaryUnits() {
        assertTrue(SyncProgressBar.render(new SyncProgress("pw", SyncPhase.EXTRACTING, 1536, -1))
                .endsWith("[????????????????????????]      1.5 KiB"));
        assertEquals("999 B", SyncProgressBar.bytes(999));
        assertEquals("1.0 MiB", SyncProgressBar.bytes(1024 * 1024));
        assertEquals("2.5 GiB", SyncProgressBar.bytes(2684354560L));
    }
}
