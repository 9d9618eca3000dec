package dev.keyward.reflib;

import static dev.keyward.reflib.LibraryFixture.NAME;
import static dev.keyward.reflib.LibraryFixture.REPO_URL;
import static dev.keyward.reflib.LibraryFixture.SHA1;
import static dev.keyward.reflib.LibraryFixture.SHA2;
import static dev.keyward.reflib.LibraryFixture.top;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncTest {

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

    private static TestArchives version1() {
        return TestArchives.create()
                .file(top(SHA1) + "README.md", "# Widgets\nThe first version mentions gizmo.\n")
                .file(top(SHA1) + "src/widgets/page.py", "def goto(url):\n    return url\n");
    }

    @Test
    void tarGzSourceIsExtractedWithoutItsTopFolderAndRecordedInTheManifest() throws Exception {
        byte[] archive = version1().tarGz();
        fixture.publish(SHA1, ArchiveFormat.TAR_GZ, archive);
        fixture.library.add(NAME, REPO_URL, SHA1);

        Instant before = Instant.now();
        SyncReport report = fixture.library.sync(NAME, ProgressListener.NONE);

        assertTrue(report.downloaded());
        assertEquals(2, report.fileCount());
        assertEquals(FileDigest.sha256Hex(archive), report.checksum());
        assertEquals("def goto(url):\n    return url\n", fixture.read("src/widgets/page.py"));
        assertFalse(Files.exists(fixture.sourceFolder().resolve(top(SHA1))));
        ManifestEntry entry = fixture.library.list().get(0).installed().orElseThrow();
        assertEquals(SHA1, entry.commitSha());
        assertEquals(NAME, entry.localPath());
        assertEquals(REPO_URL, entry.sourceUrl());
        assertEquals(2, entry.fileCount());
        assertEquals(Files.size(fixture.sourceFolder().resolve("README.md"))
                + Files.size(fixture.sourceFolder().resolve("src/widgets/page.py")), entry.totalSizeBytes());
        assertEquals(FileDigest.sha256Hex(archive), entry.checksum());
        assertFalse(entry.downloadedAt().isBefore(before.minusSeconds(1)));
        assertEquals(SourceState.CURRENT, fixture.library.list().get(0).state());
        assertEquals(List.of(), fixture.leftovers());
    }

    @Test
    void zipSourceIsExtractedLikeTarGz() throws Exception {
        fixture.publish(SHA1, ArchiveFormat.ZIP, version1().zip());
        fixture.library.add(new ReferenceSource(NAME, REPO_URL, SHA1, ArchiveFormat.ZIP, null));

        SyncReport report = fixture.library.sync(NAME, ProgressListener.NONE);

        assertEquals(2, report.fileCount());
        assertEquals("def goto(url):\n    return url\n", fixture.read("src/widgets/page.py"));
        assertEquals("/acme/widgets/archive/" + SHA1 + ".zip", fixture.library.archiveUrl(NAME).getPath());
        assertEquals(1, fixture.library.search("gizmo", 5).size());
    }

    @Test
    void resyncToANewCommitReplacesFilesAndIndex() throws Exception {
        fixture.publishAndSync(SHA1, version1());
        fixture.publish(SHA2, ArchiveFormat.TAR_GZ, TestArchives.create()
                .file(top(SHA2) + "README.md", "# Widgets\nThe second version mentions sprocket.\n")
                .tarGz());
        fixture.library.add(NAME, REPO_URL, SHA2);
        assertEquals(SourceState.OUTDATED, fixture.library.list().get(0).state());

        fixture.library.sync(NAME, ProgressListener.NONE);

        assertFalse(Files.exists(fixture.sourceFolder().resolve("src/widgets/page.py")));
        assertEquals(List.of(), fixture.library.search("gizmo", 5));
        assertEquals(1, fixture.library.search("sprocket", 5).size());
        assertEquals(SHA2, fixture.library.list().get(0).installed().orElseThrow().commitSha());
        assertEquals(List.of(), fixture.leftovers());
    }

    @Test
    void syncOfACurrentSourceDownloadsNothing() throws Exception {
        fixture.publishAndSync(SHA1, version1());
        int requests = fixture.server.requests.get();

        SyncReport again = fixture.library.sync(NAME, ProgressListener.NONE);

        assertFalse(again.downloaded());
        assertEquals(requests, fixture.server.requests.get());
        assertTrue(again.indexedChunks() > 0);
    }

    @Test
    void damagedArchiveKeepsThePreviousVersion() throws Exception {
        fixture.publishAndSync(SHA1, version1());
        byte[] good = TestArchives.create().file(top(SHA2) + "README.md", "sprocket ".repeat(2000)).tarGz();
        fixture.publish(SHA2, ArchiveFormat.TAR_GZ, Arrays.copyOf(good, good.length / 2));
        fixture.library.add(NAME, REPO_URL, SHA2);

        ReferenceArchiveException error = assertThrows(ReferenceArchiveException.class,
                () -> fixture.library.sync(NAME, ProgressListener.NONE));

        assertEquals(ReferenceArchiveException.Problem.DAMAGED, error.problem());
        assertPreviousVersionIntact();
    }

    @Test
    void checksumMismatchKeepsThePreviousVersion() throws Exception {
        fixture.publishAndSync(SHA1, version1());
        fixture.publish(SHA2, ArchiveFormat.TAR_GZ,
                TestArchives.create().file(top(SHA2) + "README.md", "sprocket").tarGz());
        fixture.library.add(new ReferenceSource(NAME, REPO_URL, SHA2, ArchiveFormat.TAR_GZ, "ab".repeat(32)));

        ReferenceDownloadException error = assertThrows(ReferenceDownloadException.class,
                () -> fixture.library.sync(NAME, ProgressListener.NONE));

        assertTrue(error.getMessage().contains("checksum"), error.getMessage());
        assertPreviousVersionIntact();
    }

    @Test
    void matchingExpectedChecksumIsAccepted() throws Exception {
        byte[] archive = version1().tarGz();
        fixture.publish(SHA1, ArchiveFormat.TAR_GZ, archive);
        fixture.library.add(new ReferenceSource(NAME, REPO_URL, SHA1, ArchiveFormat.TAR_GZ,
                FileDigest.sha256Hex(archive)));

        assertTrue(fixture.library.sync(NAME, ProgressListener.NONE).downloaded());
    }

    @Test
    void missingArchiveIsReportedAsNotFound() {
        fixture.library.add(NAME, REPO_URL, SHA1);

        ReferenceDownloadException error = assertThrows(ReferenceDownloadException.class,
                () -> fixture.library.sync(NAME, ProgressListener.NONE));

        assertTrue(error.getMessage().contains("not found"), error.getMessage());
        assertFalse(error.getMessage().contains("Exception"), error.getMessage());
        assertTrue(fixture.library.list().get(0).installed().isEmpty());
    }

    @Test
    void syncAllReportsEachSourceSeparately() throws Exception {
        fixture.publish(SHA1, ArchiveFormat.TAR_GZ, version1().tarGz());
        fixture.library.add(NAME, REPO_URL, SHA1);
        fixture.library.add("missing", "https://github.com/acme/missing", SHA1);

        List<SyncOutcome> outcomes = fixture.library.syncAll(ProgressListener.NONE);

        assertEquals(2, outcomes.size());
        assertTrue(outcomes.get(0) instanceof SyncOutcome.Failed failed
                && failed.sourceName().equals("missing")
                && failed.error() instanceof ReferenceDownloadException);
        assertTrue(outcomes.get(1) instanceof SyncOutcome.Synced synced && synced.report().downloaded());
    }

    @Test
    void unknownSourceIsReportedByName() {
        ReferenceSourceException error = assertThrows(ReferenceSourceException.class,
                () -> fixture.library.sync("nothing-here", ProgressListener.NONE));
        assertTrue(error.getMessage().contains("nothing-here"));
    }

    @Test
    void invalidNamesUrlsAndShasAreRefused() {
        assertThrows(ReferenceSourceException.class, () -> fixture.library.add("../escape", REPO_URL, SHA1));
        assertThrows(ReferenceSourceException.class, () -> fixture.library.add("Upper", REPO_URL, SHA1));
        assertThrows(ReferenceSourceException.class, () -> fixture.library.add("ok", "https://github.com/acme", SHA1));
        assertThrows(ReferenceSourceException.class, () -> fixture.library.add("ok", REPO_URL, "main"));
        assertTrue(fixture.library.list().isEmpty());
    }

    private void assertPreviousVersionIntact() throws Exception {
        ManifestEntry entry = fixture.library.list().get(0).installed().orElseThrow();
        assertEquals(SHA1, entry.commitSha());
        assertEquals("def goto(url):\n    return url\n", fixture.read("src/widgets/page.py"));
        assertEquals(1, fixture.library.search("gizmo", 5).size());
        assertEquals(List.of(), fixture.library.search("sprocket", 5));
        assertEquals(List.of(), fixture.leftovers());
        assertEquals(VerifyStatus.OK, fixture.library.verify().get(0).status());
    }
}
