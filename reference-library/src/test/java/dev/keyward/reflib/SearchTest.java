package dev.keyward.reflib;

import static dev.keyward.reflib.LibraryFixture.NAME;
import static dev.keyward.reflib.LibraryFixture.REPO_URL;
import static dev.keyward.reflib.LibraryFixture.SHA1;
import static dev.keyward.reflib.LibraryFixture.top;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchTest {

    @TempDir
    Path root;

    LibraryFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new LibraryFixture(root);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private static String lines(int count, String filler) {
        return (filler + "\n").repeat(count);
    }

    @Test
    void fileThatMentionsTheQueryTermsMostRanksFirst() {
        fixture.publishAndSync(SHA1, TestArchives.create()
                .file(top(SHA1) + "docs/once.md", "Use the locator, then click.\n" + lines(10, "unrelated prose"))
                .file(top(SHA1) + "src/heavy.py", """
                        locator = page.locator("#submit")
                        locator.click()
                        # click the locator again: a locator click waits for the element
                        locator.click(force=True)
                        """)
                .file(top(SHA1) + "src/none.py", "def unrelated():\n    return 42\n"));

        List<SearchHit> hits = fixture.library.search("locator click", 10);

        assertEquals(List.of("src/heavy.py", "docs/once.md"), hits.stream().map(SearchHit::path).toList());
        assertTrue(hits.get(0).score() > hits.get(1).score());
        assertEquals(NAME, hits.get(0).sourceName());
        assertTrue(hits.get(0).snippet().contains("locator"), hits.get(0).snippet());
    }

    @Test
    void hitPointsAtTheMatchingLineInsideALaterChunk() {
        String file = lines(56, "filler text") + "await page.wait_for_selector('#ready')\n" + lines(30, "more filler");
        fixture.publishAndSync(SHA1, TestArchives.create().file(top(SHA1) + "guide.md", file));

        List<SearchHit> hits = fixture.library.search("wait_for_selector", 5);

        assertEquals(1, hits.size());
        assertEquals(57, hits.get(0).line());
        assertEquals("filler text\nawait page.wait_for_selector('#ready')\nmore filler", hits.get(0).snippet());
    }

    @Test
    void punctuationInTheQueryIsTreatedAsWordBreaks() {
        fixture.publishAndSync(SHA1, TestArchives.create()
                .file(top(SHA1) + "nav.js", "await page.goto(\"https://example.test\");\n"));

        // FTS5 operators and quotes in the text are plain words here, not syntax errors.
        assertFalse(fixture.library.search("page.goto(\"url\") AND OR NEAR(", 5).isEmpty());
        assertEquals("nav.js", fixture.library.search("page.goto(", 5).get(0).path());
        assertEquals(List.of(), fixture.library.search("  ...  ", 5));
    }

    @Test
    void whenNoChunkHasEveryWordChunksWithSomeOfThemAreReturned() {
        fixture.publishAndSync(SHA1, TestArchives.create()
                .file(top(SHA1) + "a.md", "screenshot of the page\n")
                .file(top(SHA1) + "b.md", "unrelated\n"));

        List<SearchHit> hits = fixture.library.search("screenshot fullpage", 5);

        assertEquals(List.of("a.md"), hits.stream().map(SearchHit::path).toList());
    }

    @Test
    void binaryAndOversizedFilesAreNotIndexed() {
        byte[] binary = "marker\0marker".getBytes();
        String oversized = "marker\n".repeat(200_000); // about 1.4 MB
        SyncReport report = fixture.publishAndSync(SHA1, TestArchives.create()
                .file(top(SHA1) + "blob.js", binary)
                .file(top(SHA1) + "bundle.js", oversized)
                .file(top(SHA1) + "image.png", "marker")
                .file(top(SHA1) + "notes.md", "one marker here"));

        List<SearchHit> hits = fixture.library.search("marker", 10);

        assertEquals(List.of("notes.md"), hits.stream().map(SearchHit::path).toList());
        assertEquals(4, report.fileCount());
    }

    @Test
    void searchCanBeLimitedToOneSource() {
        fixture.publishAndSync(SHA1, TestArchives.create().file(top(SHA1) + "a.md", "shared term"));
        fixture.server.put("acme", "other", SHA1, ArchiveFormat.TAR_GZ,
                TestArchives.create().file("other-" + SHA1 + "/b.md", "shared term").tarGz());
        fixture.library.add("other", "https://github.com/acme/other", SHA1);
        fixture.library.sync("other", ProgressListener.NONE);

        assertEquals(2, fixture.library.search("shared", 10).size());
        List<SearchHit> onlyOther = fixture.library.search("shared", 10, "other");
        assertEquals(List.of("b.md"), onlyOther.stream().map(SearchHit::path).toList());
        assertFalse(fixture.library.search("shared", 1).isEmpty());
        assertEquals(1, fixture.library.search("shared", 1).size());
    }

    @Test
    void searchOfAnEmptyLibraryFindsNothing() {
        fixture.library.add(NAME, REPO_URL, SHA1);

        assertEquals(List.of(), fixture.library.search("anything", 10));
    }
}
