package dev.keyward.vault.scan.git;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A listener that keeps every blob handed on (location, id, text) and every problem, for a test to search. */
class CollectedBlobs implements GitScanListener {

    record Seen(GitLocation location, String id, String text) {
    }

    final List<Seen> blobs = new ArrayList<>();
    final List<GitProblem> problems = new ArrayList<>();
    long lastDone = -1;
    long lastTotal = -2;

    @Override
    public void blob(GitBlob blob) throws IOException {
        try (InputStream in = blob.open()) {
            blobs.add(new Seen(blob.location(), blob.id(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    @Override
    public void problem(GitProblem problem) {
        problems.add(problem);
    }

    @Override
    public void progress(long done, long total) {
        lastDone = done;
        lastTotal = total;
    }

    /** Where {@code needle} occurs: {@code commit:path:line} for each copy, as a scan reports it. */
    List<String> where(String needle) {
        List<String> found = new ArrayList<>();
        for (Seen seen : blobs) {
            int at = seen.text().indexOf(needle);
            while (at >= 0) {
                int line = 1 + (int) seen.text().substring(0, at).chars().filter(c -> c == '\n').count();
                found.add(seen.location().commit().orElse("-") + ":" + seen.location().path() + ":" + line);
                at = seen.text().indexOf(needle, at + 1);
            }
        }
        return found;
    }
}
