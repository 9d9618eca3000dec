package dev.keyward.vault.scan.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A history of thousands of commits is walked whole, with progress, and can be stopped part-way. */
class LongHistoryTest {

    private static final int COMMITS = 3000;
    private static final int FILES = 20;

    @TempDir
    Path tmp;

    /** {@code COMMITS} commits, each changing one of {@code FILES} files; a key is added at 1500 and deleted at 1501. */
    private ObjectId generate(Path dir) throws Exception {
        ObjectId planted = null;
        try (RawHistory history = new RawHistory(dir)) {
            for (int f = 0; f < FILES; f++) {
                history.put("file" + f + ".txt", "file " + f + " version 0\n");
            }
            history.commit("c0");
            for (int c = 1; c < COMMITS; c++) {
                int f = c % FILES;
                history.put("file" + f + ".txt", "file " + f + " version " + c + "\n");
                if (c == 1500) {
                    history.put("leak.env", "A=1\nKEY=CANARY-LONG\n");
                } else if (c == 1501) {
                    history.remove("leak.env");
                }
                ObjectId id = history.commit("c" + c);
                planted = c == 1500 ? id : planted;
            }
            history.publish();
        }
        return planted;
    }

    @Test
    void thousandsOfCommitsAreWalkedWholeWithProgressAndEachBlobOnce() throws Exception {
        Path dir = tmp.resolve("long");
        ObjectId planted = generate(dir);
        CollectedBlobs seen = new CollectedBlobs();
        HistorySummary summary;
        try (Repository repository = GitRepositories.open(dir, Map.of())) {
            summary = HistoryWalk.walk(repository, seen);
        }
        assertEquals(COMMITS, summary.commits());
        assertEquals(FILES + (COMMITS - 1) + 1, summary.blobs());
        assertEquals(List.of(planted.name() + ":leak.env:2"), seen.where("CANARY-LONG"));
        assertEquals(COMMITS, seen.lastDone);
        assertEquals(COMMITS, seen.lastTotal);
        assertFalse(summary.cancelled());
    }

    @Test
    void aWalkAskedToStopStopsPartWayAndSaysSo() throws Exception {
        Path dir = tmp.resolve("long");
        generate(dir);
        CollectedBlobs stopping = new CollectedBlobs() {
            @Override
            public boolean cancelled() {
                return lastTotal > 0 && lastDone >= 100;
            }
        };
        HistorySummary summary;
        try (Repository repository = GitRepositories.open(dir, Map.of())) {
            summary = HistoryWalk.walk(repository, stopping);
        }
        assertTrue(summary.cancelled());
        assertEquals(100, summary.commits());
        assertTrue(stopping.blobs.size() < 200, "blobs handed on: " + stopping.blobs.size());
    }
}
