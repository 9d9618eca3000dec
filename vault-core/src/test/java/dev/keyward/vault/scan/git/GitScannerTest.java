package dev.keyward.vault.scan.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.vault.scan.ContentScanner;
import dev.keyward.vault.scan.Finding;
import dev.keyward.vault.scan.FindingKind;
import dev.keyward.vault.scan.KeyFormatSearch;
import dev.keyward.vault.scan.KnownValue;
import dev.keyward.vault.scan.KnownValues;
import dev.keyward.vault.scan.ScanListener;
import dev.keyward.vault.scan.ScanOptions;
import dev.keyward.vault.scan.ScanSummary;
import dev.keyward.vault.scan.SkipReason;
import dev.keyward.vault.scan.SkippedSource;
import dev.keyward.vault.scan.ValueMatcher;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The git walks fed to the real scan engine: every planted copy, in every encoding, with commit, path and line. */
class GitScannerTest {

    /** A value whose encodings all differ from it and from each other (its base64 holds a slash and a plus). */
    private static final String VALUE = "CANARY/sk+live \"q\" 7%f-0a1b2c3d4e5f?>>~";

    @TempDir
    Path tmp;

    private static final class Collected implements ScanListener {
        final List<Finding> findings = new ArrayList<>();
        final List<SkippedSource> skipped = new ArrayList<>();

        @Override
        public void found(Finding finding) {
            findings.add(finding);
        }

        @Override
        public void skipped(SkippedSource source) {
            skipped.add(source);
        }

        Set<String> where() {
            Set<String> out = new TreeSet<>();
            for (Finding f : findings) {
                String encoding = ((FindingKind.Copy) f.kind()).encoding().label();
                out.add(f.location().commit().orElse("-") + ":" + f.location().path() + ":" + f.location().line() + " " + encoding);
            }
            return out;
        }
    }

    private static GitScanner scanner(long maxSize) {
        KnownValues values = KnownValues.none().add(new KnownValue("PLANTED", 1, true, "cdef"), VALUE.toCharArray());
        ValueMatcher matcher = ValueMatcher.of(values);
        return new GitScanner(new ContentScanner(matcher, KeyFormatSearch.none()), new ScanOptions(true, maxSize, 1, List.of()));
    }

    private static String jsonEscaped(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/");
    }

    @Test
    void everyPlantedCopyInEveryEncodingIsFoundOnceWithCommitPathAndLineAndNothingElse() throws Exception {
        byte[] utf8 = VALUE.getBytes(StandardCharsets.UTF_8);
        Path dir = tmp.resolve("repo");
        Set<String> expected = new TreeSet<>();
        try (RepoBuilder repo = RepoBuilder.init(dir)) {
            repo.write(".env", "A=1\nKEY=" + VALUE + "\n").write("README", "nothing here\n");
            RevCommit first = repo.commitAll("env");
            expected.add(first.name() + ":.env:2 as is");
            Files.delete(dir.resolve(".env"));
            repo.write("config.json", "{\n  \"key\": \"" + jsonEscaped(VALUE) + "\"\n}\n");
            RevCommit json = repo.commitAll("drop env, add json");
            expected.add(json.name() + ":config.json:2 JSON-escaped");

            repo.git.checkout().setCreateBranch(true).setName("feature").call();
            repo.write("k8s/secret.yaml", "data:\n  key: " + Base64.getEncoder().encodeToString(utf8) + "\n");
            repo.write("url.txt", "\n\n\nhttps://x.invalid/?k=" + URLEncoder.encode(VALUE, StandardCharsets.UTF_8) + "\n");
            RevCommit branch = repo.commitAll("feature");
            expected.add(branch.name() + ":k8s/secret.yaml:2 base64");
            expected.add(branch.name() + ":url.txt:4 URL-encoded");
            repo.git.checkout().setName("main").call();

            repo.git.checkout().setName(first.name()).call();
            repo.write("dump.hex", HexFormat.of().formatHex(utf8) + "\n");
            RevCommit tagged = repo.commitAll("tag only");
            expected.add(tagged.name() + ":dump.hex:1 hex");
            repo.git.tag().setName("t1").setObjectId(tagged).setAnnotated(false).call();
            repo.git.checkout().setName("main").call();

            repo.write("README", "token " + Base64.getUrlEncoder().withoutPadding().encodeToString(utf8) + "\n");
            RevCommit stash = repo.git.stashCreate().setPerson(RepoBuilder.WHO).call();
            expected.add(stash.name() + ":README:1 base64url");
        }

        Collected collected = new Collected();
        List<long[]> progress = new ArrayList<>();
        ScanSummary summary;
        try (Repository repository = GitRepositories.open(dir, Map.of())) {
            summary = scanner(ScanOptions.DEFAULT_MAX_FILE_SIZE).history(repository, collected,
                    (done, total) -> progress.add(new long[] {done, total}), () -> false);
        }
        assertEquals(expected, collected.where());
        assertEquals(expected.size(), collected.findings.size());
        assertEquals(expected.size(), summary.findings());
        assertEquals(List.of(), collected.skipped);
        assertFalse(summary.cancelled());
        long[] last = progress.get(progress.size() - 1);
        assertEquals(last[1], last[0]);
        for (Finding finding : collected.findings) {
            assertFalse(finding.toString().contains("CANARY"), finding.toString());
        }
    }

    @Test
    void onlyTheStagedChangeIsScannedForAHook() throws Exception {
        Path dir = tmp.resolve("repo");
        try (RepoBuilder repo = RepoBuilder.init(dir)) {
            repo.write("old.txt", VALUE + "\n");
            repo.commitAll("committed before");
            repo.write("new.txt", "x\n" + VALUE + "\n").stage("new.txt");
            repo.write("unstaged.txt", VALUE + "\n");
        }
        Collected collected = new Collected();
        try (Repository repository = GitRepositories.open(dir, Map.of())) {
            scanner(ScanOptions.DEFAULT_MAX_FILE_SIZE).staged(repository, collected, () -> false);
        }
        assertEquals(Set.of("-:new.txt:2 as is"), collected.where());
    }

    @Test
    void aBlobAboveTheSizeLimitIsSkippedWithAReportLine() throws Exception {
        Path dir = tmp.resolve("repo");
        String commit;
        try (RepoBuilder repo = RepoBuilder.init(dir)) {
            repo.write("big.txt", "x".repeat(5000) + VALUE + "\n").write("small.txt", VALUE + "\n");
            commit = repo.commitAll("one").name();
        }
        Collected collected = new Collected();
        try (Repository repository = GitRepositories.open(dir, Map.of())) {
            scanner(1000).history(repository, collected, (d, t) -> { }, () -> false);
        }
        assertEquals(Set.of(commit + ":small.txt:1 as is"), collected.where());
        assertEquals(1, collected.skipped.size());
        assertEquals(SkipReason.TOO_LARGE, collected.skipped.get(0).reason());
        assertEquals("big.txt", collected.skipped.get(0).path());
        assertTrue(collected.skipped.get(0).commit().isPresent());
    }
}
