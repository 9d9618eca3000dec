package dev.keyward.reflib;

import static dev.keyward.reflib.LibraryFixture.NAME;
import static dev.keyward.reflib.LibraryFixture.REPO_URL;
import static dev.keyward.reflib.LibraryFixture.SHA1;
import static dev.keyward.reflib.LibraryFixture.top;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeDownloadTest {

    @TempDir
    Path root;

    LibraryFixture fixture;

    @AfterEach
    void stop() {
        fixture.close();
    }

    /** An archive of a few hundred KiB that does not compress, so "halfway" is many network buffers. */
    private static byte[] sizeableArchive() {
        byte[] noise = new byte[400 * 1024];
        new Random(42).nextBytes(noise);
        return TestArchives.create()
                .file(top(SHA1) + "README.md", "resumable widgets")
                .file(top(SHA1) + "assets/noise.bin", noise)
                .tarGz();
    }

    private static long rangeStart(String header) {
        assertTrue(header.matches("bytes=\\d+-"), "not a resume request: '" + header + "'");
        return Long.parseLong(header.substring("bytes=".length(), header.length() - 1));
    }

    @Test
    void brokenTransferIsResumedWithARangeRequest() throws Exception {
        fixture = new LibraryFixture(root);
        byte[] archive = sizeableArchive();
        fixture.publish(SHA1, ArchiveFormat.TAR_GZ, archive);
        fixture.library.add(NAME, REPO_URL, SHA1);
        fixture.server.transfersToCutOff.set(1);

        SyncReport report = fixture.library.sync(NAME, ProgressListener.NONE);

        assertTrue(report.resumed());
        assertEquals(FileDigest.sha256Hex(archive), report.checksum());
        List<String> ranges = fixture.server.rangeHeaders;
        assertEquals(2, ranges.size());
        assertEquals("", ranges.get(0));
        long resumedAt = rangeStart(ranges.get(1));
        assertTrue(resumedAt > 0 && resumedAt <= archive.length / 2, "resumed at " + resumedAt);
        assertEquals("resumable widgets", fixture.read("README.md"));
        assertEquals(List.of(), fixture.leftovers());
    }

    @Test
    void partialDownloadSurvivesAFailedSyncAndIsResumedByTheNext() throws Exception {
        fixture = new LibraryFixture(root, ExtractionLimits.DEFAULTS, 1);
        byte[] archive = sizeableArchive();
        fixture.publish(SHA1, ArchiveFormat.TAR_GZ, archive);
        fixture.library.add(NAME, REPO_URL, SHA1);
        fixture.server.transfersToCutOff.set(1);

        ReferenceDownloadException error = assertThrows(ReferenceDownloadException.class,
                () -> fixture.library.sync(NAME, ProgressListener.NONE));
        assertTrue(error.getMessage().contains("run sync again"), error.getMessage());
        assertTrue(fixture.library.list().get(0).installed().isEmpty());
        List<String> partials = fixture.leftovers();
        assertEquals(1, partials.size());
        assertTrue(partials.get(0).endsWith(".tar.gz.part"), partials.get(0));
        long partialSize = Files.size(fixture.library.folder().resolve(partials.get(0)));

        SyncReport report = fixture.library.sync(NAME, ProgressListener.NONE);

        assertTrue(report.resumed());
        assertEquals(partialSize, rangeStart(fixture.server.rangeHeaders.get(1)));
        assertEquals(FileDigest.sha256Hex(archive), report.checksum());
        assertEquals(List.of(), fixture.leftovers());
    }

    @Test
    void serverWithoutRangeSupportMakesTheDownloadStartOver() throws Exception {
        fixture = new LibraryFixture(root);
        byte[] archive = sizeableArchive();
        fixture.publish(SHA1, ArchiveFormat.TAR_GZ, archive);
        fixture.library.add(NAME, REPO_URL, SHA1);
        fixture.server.rangeSupported = false;
        fixture.server.transfersToCutOff.set(1);

        SyncReport report = fixture.library.sync(NAME, ProgressListener.NONE);

        assertFalse(report.resumed());
        assertEquals(FileDigest.sha256Hex(archive), report.checksum());
        assertEquals("resumable widgets", fixture.read("README.md"));
    }

    @Test
    void stalledTransferIsAbandonedAndResumed() throws Exception {
        fixture = new LibraryFixture(root, ExtractionLimits.DEFAULTS, 3, Duration.ofSeconds(2));
        byte[] archive = sizeableArchive();
        fixture.publish(SHA1, ArchiveFormat.TAR_GZ, archive);
        fixture.library.add(NAME, REPO_URL, SHA1);
        fixture.server.transfersToStall.set(1);

        SyncReport report = fixture.library.sync(NAME, ProgressListener.NONE);

        assertTrue(report.resumed(), fixture.server.rangeHeaders.toString());
        assertTrue(rangeStart(fixture.server.rangeHeaders.get(1)) > 0);
        assertEquals(FileDigest.sha256Hex(archive), report.checksum());
    }

    @Test
    void progressReportsBytesAgainstTheContentLength() throws Exception {
        fixture = new LibraryFixture(root);
        byte[] archive = sizeableArchive();
        fixture.publish(SHA1, ArchiveFormat.TAR_GZ, archive);
        fixture.library.add(NAME, REPO_URL, SHA1);
        List<SyncProgress> seen = new CopyOnWriteArrayList<>();

        fixture.library.sync(NAME, seen::add);

        List<SyncProgress> downloading = seen.stream().filter(p -> p.phase() == SyncPhase.DOWNLOADING).toList();
        assertTrue(downloading.size() >= 2, "progress calls: " + downloading.size());
        assertTrue(downloading.stream().allMatch(p -> p.total() == archive.length));
        assertEquals(archive.length, downloading.get(downloading.size() - 1).done());
        SyncProgress lastIndexing = seen.stream().filter(p -> p.phase() == SyncPhase.INDEXING)
                .reduce((a, b) -> b).orElseThrow();
        assertEquals(2, lastIndexing.done());
        assertEquals(2, lastIndexing.total());
    }
}
