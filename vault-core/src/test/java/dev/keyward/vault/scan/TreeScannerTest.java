package dev.keyward.vault.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.secrets.SecretService;
import dev.keyward.vault.session.VaultSession;
import dev.keyward.vault.testing.TestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's hostile trees: links (a loop, one out of the tree, one inside it), files that vanish, change or
 * cannot be read while the scan runs, Keyward's own data folder, large files streamed, cancellation; each
 * gives findings or a skipped line, never an exception.
 */
class TreeScannerTest {

    private static final String VALUE = "kw-tree-value-51c0e9d7a3b2";
    private static final KnownValue OWNER = new KnownValue("TREE_KEY", 1, true, "a3b2");

    @TempDir
    Path tree;
    @TempDir
    Path outside;

    /** Findings and skipped lines as report text, in a stable order. */
    private static class Collected implements ScanListener {
        final List<String> found = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();

        @Override
        public void found(Finding finding) {
            found.add(finding.location().path() + ":" + finding.location().line() + ":" + finding.location().column());
        }

        @Override
        public void skipped(SkippedSource source) {
            skipped.add(source.path() + " " + source.reason());
        }
    }

    private Collected scan(ScanOptions options, TreeScanner.FileOpener opener, Path... roots) {
        try (KnownValues values = KnownValues.none().add(OWNER, VALUE.toCharArray())) {
            ContentScanner content = new ContentScanner(ValueMatcher.of(values), CatalogFormatSearch.bundled());
            TreeScanner scanner = opener == null ? new TreeScanner(content, options) : new TreeScanner(content, options, opener);
            Collected collected = new Collected();
            ScanSummary summary = scanner.scan(List.of(roots), tree, collected, () -> false);
            assertEquals(collected.found.size(), summary.findings());
            collected.found.sort(null);
            collected.skipped.sort(null);
            return collected;
        }
    }

    private Collected scan(Path... roots) {
        return scan(ScanOptions.defaults(List.of()), null, roots);
    }

    @Test
    void aLinkLoopAndLinksAreNeverFollowedAndALinkOutOfTheTreeIsSaid() throws IOException {
        Files.createDirectories(tree.resolve("a"));
        Files.createSymbolicLink(tree.resolve("a/loop"), tree.resolve("a"));
        Files.createSymbolicLink(tree.resolve("self1"), tree.resolve("self2"));
        Files.createSymbolicLink(tree.resolve("self2"), tree.resolve("self1"));
        Files.writeString(tree.resolve("a/inside.txt"), VALUE + "\n");
        Files.createSymbolicLink(tree.resolve("again.txt"), tree.resolve("a/inside.txt"));
        Files.writeString(outside.resolve("secret.txt"), VALUE + "\n");
        Files.createSymbolicLink(tree.resolve("out"), outside);
        Files.createSymbolicLink(tree.resolve("out.txt"), outside.resolve("secret.txt"));
        Collected c = scan(tree);
        assertEquals(List.of("a/inside.txt:1:1"), c.found, "found once, through no link");
        assertEquals(List.of("out SYMLINK_OUT_OF_TREE", "out.txt SYMLINK_OUT_OF_TREE"), c.skipped);
    }

    @Test
    void aFileThatVanishesChangesOrCannotBeReadGivesALineAndTheScanGoesOn() throws IOException {
        for (String name : List.of("gone.txt", "growing.txt", "locked.txt", "fine.txt")) {
            Files.writeString(tree.resolve(name), "x " + VALUE + "\n");
        }
        TreeScanner.FileOpener hostile = file -> switch (file.getFileName().toString()) {
            case "gone.txt" -> {
                Files.delete(file); // removed between the walk and the read
                yield Files.newInputStream(file);
            }
            case "growing.txt" -> {
                InputStream in = Files.newInputStream(file);
                Files.writeString(file, "more\n", StandardOpenOption.APPEND); // written to while it is read
                yield in;
            }
            case "locked.txt" -> throw new AccessDeniedException(file.toString());
            default -> Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
        };
        Collected c = scan(ScanOptions.defaults(List.of()), hostile, tree);
        assertEquals(List.of("fine.txt:1:3", "growing.txt:1:3"), c.found);
        assertEquals(List.of("gone.txt VANISHED", "growing.txt CHANGED", "locked.txt UNREADABLE"), c.skipped);
    }

    @Test
    void aFileThatNeverStopsGrowingIsReadOnlyToTheSizeTheWalkSawAndSaidToHaveChanged() throws IOException {
        Files.writeString(tree.resolve("log.txt"), "x " + VALUE + "\n");
        // An endless stream stands in for a log written faster than it is read: without a bound the scan never ends.
        TreeScanner.FileOpener endless = file -> new java.io.SequenceInputStream(Files.newInputStream(file),
                new InputStream() {
                    @Override
                    public int read() {
                        return 'a';
                    }
                });
        Collected c = scan(new ScanOptions(true, 1 << 20, 1, List.of()), endless, tree);
        assertEquals(List.of("log.txt:1:3"), c.found);
        assertEquals(List.of("log.txt CHANGED"), c.skipped);
    }

    @Test
    void aFileWithoutReadPermissionIsSkippedWhenPermissionsApply() throws IOException {
        Path locked = Files.writeString(tree.resolve("locked.txt"), VALUE + "\n");
        Files.setPosixFilePermissions(locked, java.util.Set.of());
        boolean enforced = !Files.isReadable(locked); // root reads anything: then the file is simply scanned
        Collected c = scan(tree);
        assertEquals(enforced ? List.of("locked.txt UNREADABLE") : List.of(), c.skipped);
        assertEquals(enforced ? List.of() : List.of("locked.txt:1:1"), c.found);
    }

    @Test
    void keywardsOwnDataFolderAndVaultFilesAreNeverRead() throws IOException {
        Path data = Files.createDirectories(tree.resolve("keyward-data/profiles/p"));
        Files.writeString(data.resolve("notes.txt"), VALUE + "\n");
        Files.writeString(tree.resolve("vault.db-wal"), VALUE + "\n");
        Files.writeString(tree.resolve("plain.txt"), VALUE + "\n");
        Collected c = scan(ScanOptions.defaults(List.of(tree.resolve("keyward-data"))), null, tree);
        assertEquals(List.of("plain.txt:1:1"), c.found);
        assertEquals(List.of("keyward-data KEYWARD_DATA"), c.skipped);
    }

    @Test
    void nestedGitignoresApplyFromTheRepositoryTopAndAFileNamedOutrightIsScanned() throws IOException {
        Files.createDirectories(tree.resolve(".git/info"));
        Files.writeString(tree.resolve(".git/info/exclude"), "excluded.txt\n");
        Files.writeString(tree.resolve(".gitignore"), "*.secret\n");
        Path sub = Files.createDirectories(tree.resolve("sub"));
        Files.writeString(sub.resolve(".gitignore"), "!kept.secret\n");
        for (String name : List.of("a.secret", "excluded.txt", "sub/kept.secret", "sub/b.secret", "sub/c.txt")) {
            Files.writeString(tree.resolve(name), VALUE + "\n");
        }
        Files.writeString(tree.resolve(".git/config"), VALUE + "\n"); // history is another scan's
        assertEquals(List.of("sub/c.txt:1:1", "sub/kept.secret:1:1"), scan(tree).found);
        assertEquals(List.of("sub/c.txt:1:1", "sub/kept.secret:1:1"), scan(sub).found, "the top's rules apply below it");
        assertEquals(List.of("a.secret:1:1"), scan(tree.resolve("a.secret")).found);
        ScanOptions all = new ScanOptions(false, ScanOptions.DEFAULT_MAX_FILE_SIZE, 2, List.of());
        assertEquals(5, scan(all, null, tree).found.size());
    }

    @Test
    void aRootInsideAnotherRootIsReadOnce() throws IOException {
        Path sub = Files.createDirectories(tree.resolve("sub"));
        Files.writeString(sub.resolve("a.txt"), VALUE + "\n");
        assertEquals(List.of("sub/a.txt:1:1"), scan(sub, tree, sub, tree).found);
    }

    @Test
    void eachFolderTheWalkEntersIsSaidAsAPathIsShownAndIgnoredOnesAreNot() throws IOException {
        Files.createDirectories(tree.resolve("sub/deeper"));
        Files.createDirectories(tree.resolve("ignored"));
        Files.writeString(tree.resolve(".gitignore"), "ignored/\n");
        List<String> entered = new ArrayList<>();
        try (KnownValues values = KnownValues.none().add(OWNER, VALUE.toCharArray())) {
            new TreeScanner(new ContentScanner(ValueMatcher.of(values), KeyFormatSearch.none()), ScanOptions.defaults(List.of()))
                    .scan(List.of(tree), tree.getParent(), new Collected() {
                        @Override
                        public void entered(String folder) {
                            entered.add(folder);
                        }
                    }, () -> false);
        }
        String top = tree.getFileName().toString();
        assertEquals(List.of(top, top + "/sub", top + "/sub/deeper"), entered.stream().sorted().toList());
    }

    @Test
    void theWalkNamesEachFileItPassesIgnoredOnesTooButNoneInAFolderItLeavesOut() throws IOException {
        Files.createDirectories(tree.resolve(".git"));
        Files.writeString(tree.resolve(".git/config"), "x\n");
        Files.writeString(tree.resolve(".gitignore"), ".env\nbuild/\n");
        Files.writeString(tree.resolve(".env"), "A=1\n");
        Files.createDirectories(tree.resolve("build"));
        Files.writeString(tree.resolve("build/.env"), "A=1\n");
        Files.createDirectories(tree.resolve("keyward-data"));
        Files.writeString(tree.resolve("keyward-data/.env"), "A=1\n");
        Files.writeString(tree.resolve("vault.db"), "x\n");
        Files.createSymbolicLink(tree.resolve("linked.env"), tree.resolve(".env"));
        Files.writeString(tree.resolve("large.txt"), "0123456789\n");
        ScanOptions small = new ScanOptions(true, 4, 2, List.of(tree.resolve("keyward-data")));
        assertEquals(List.of(".env", ".gitignore", "large.txt"), cameUpon(small),
                "ignored and too large files are named; .git, ignored folders, Keyward's data and links are not");
        ScanOptions all = new ScanOptions(false, 4, 2, List.of(tree.resolve("keyward-data")));
        assertEquals(List.of(".env", ".gitignore", "build/.env", "large.txt"), cameUpon(all));
    }

    private List<String> cameUpon(ScanOptions options) {
        List<String> named = new ArrayList<>();
        try (KnownValues values = KnownValues.none().add(OWNER, VALUE.toCharArray())) {
            new TreeScanner(new ContentScanner(ValueMatcher.of(values), KeyFormatSearch.none()), options)
                    .scan(List.of(tree), tree, new Collected() {
                        @Override
                        public void cameUpon(Path file) {
                            assertTrue(file.isAbsolute(), file.toString());
                            named.add(tree.relativize(file).toString().replace('\\', '/'));
                        }
                    }, () -> false);
        }
        return named.stream().sorted().toList();
    }

    @Test
    void aLargeFileIsStreamedAndEveryCopyAcrossChunksIsFound() throws IOException {
        Path big = tree.resolve("big.log");
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            line.append("filler-").append(i).append(' ');
        }
        line.append('\n');
        int lines = 0;
        try (var out = Files.newBufferedWriter(big)) {
            for (int i = 0; i < 1200; i++) { // about 10 MB: several default chunks
                out.write(i % 300 == 299 ? VALUE + " " + line : line.toString());
                lines++;
            }
        }
        Collected c = scan(tree);
        assertEquals(List.of("big.log:1200:1", "big.log:300:1", "big.log:600:1", "big.log:900:1"), c.found);
        assertEquals(1200, lines);
    }

    @Test
    void aCancelledScanStopsAndSaysSo() throws IOException {
        for (int i = 0; i < 50; i++) {
            Files.writeString(tree.resolve("f" + i + ".txt"), VALUE + "\n");
        }
        AtomicBoolean cancel = new AtomicBoolean();
        try (KnownValues values = KnownValues.none().add(OWNER, VALUE.toCharArray())) {
            TreeScanner scanner = new TreeScanner(new ContentScanner(ValueMatcher.of(values), KeyFormatSearch.none()),
                    new ScanOptions(true, 1 << 20, 1, List.of()));
            Collected collected = new Collected() {
                @Override
                public void found(Finding finding) {
                    super.found(finding);
                    cancel.set(true);
                }
            };
            ScanSummary summary = scanner.scan(List.of(tree), tree, collected, cancel::get);
            assertTrue(summary.cancelled());
            assertTrue(summary.findings() < 50, "stopped early: " + summary.findings());
        }
    }

    @Test
    void theVaultGivesEveryVersionOfEverySecretWithWhoseItIs(@TempDir Path dataFolder) {
        TestProfile profile = TestProfile.create(dataFolder, "scan");
        try (VaultSession session = profile.unlock()) {
            SecretService secrets = session.secrets();
            secrets.add("ROTATED", "first-value-000001".toCharArray(), null);
            secrets.rotate("ROTATED", "second-value-00002".toCharArray());
            secrets.add("OTHER", "other-value-000003".toCharArray(), null);
            List<SecretService.VersionValue> all = secrets.allVersionsForScan();
            assertEquals(List.of("OTHER 1 true", "ROTATED 2 true", "ROTATED 1 false"),
                    all.stream().map(v -> v.name() + " " + v.version() + " " + v.current()).toList());
            assertEquals("first-value-000001", new String(all.get(2).value()));
            all.forEach(v -> Wipe.chars(v.value()));
            try (KnownValues known = KnownValues.readAll(secrets)) {
                assertEquals(3, ValueMatcher.of(known).valuesSearched());
            }
        }
    }
}
