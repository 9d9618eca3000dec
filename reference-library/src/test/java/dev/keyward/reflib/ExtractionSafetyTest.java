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

import dev.keyward.reflib.ReferenceArchiveException.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractionSafetyTest {

    @TempDir
    Path root;

    LibraryFixture fixture;

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private LibraryFixture fixture(ExtractionLimits limits) throws IOException {
        fixture = new LibraryFixture(root, limits, 3);
        return fixture;
    }

    private static TestArchives legitimate(String sha) {
        return TestArchives.create().file(top(sha) + "README.md", "legitimate content");
    }

    private ReferenceArchiveException refusedTarGz(TestArchives archive) throws IOException {
        LibraryFixture f = fixture == null ? fixture(ExtractionLimits.DEFAULTS) : fixture;
        f.publish(SHA1, ArchiveFormat.TAR_GZ, archive.tarGz());
        f.library.add(NAME, REPO_URL, SHA1);
        return assertThrows(ReferenceArchiveException.class, () -> f.library.sync(NAME, ProgressListener.NONE));
    }

    private void assertNothingInstalled() throws IOException {
        assertFalse(Files.exists(fixture.sourceFolder(), LinkOption.NOFOLLOW_LINKS));
        assertTrue(fixture.library.list().get(0).installed().isEmpty());
        assertEquals(List.of(), fixture.leftovers());
        assertEquals(List.of(), fixture.library.search("legitimate", 5));
    }

    @Test
    void zipSlipEntryRefusesTheWholeArchive() throws Exception {
        fixture(ExtractionLimits.DEFAULTS);
        fixture.publish(SHA1, ArchiveFormat.ZIP,
                legitimate(SHA1).file(top(SHA1) + "../../evil.txt", "escaped").zip());
        fixture.library.add(new ReferenceSource(NAME, REPO_URL, SHA1, ArchiveFormat.ZIP, null));

        ReferenceArchiveException error = assertThrows(ReferenceArchiveException.class,
                () -> fixture.library.sync(NAME, ProgressListener.NONE));

        assertEquals(Problem.HOSTILE, error.problem());
        assertFalse(Files.exists(root.resolve("evil.txt")));
        assertFalse(Files.exists(fixture.library.folder().resolve("evil.txt")));
        assertNothingInstalled();
    }

    @Test
    void absoluteEntryPathRefusesTheWholeArchive() throws Exception {
        Path outside = root.resolve("outside.txt");

        ReferenceArchiveException error = refusedTarGz(legitimate(SHA1).file(outside.toString(), "escaped"));

        assertEquals(Problem.HOSTILE, error.problem());
        assertFalse(Files.exists(outside));
        assertNothingInstalled();
    }

    @Test
    void backslashTraversalRefusesTheWholeArchive() throws Exception {
        ReferenceArchiveException error = refusedTarGz(legitimate(SHA1).file(top(SHA1) + "..\\..\\evil.txt", "x"));

        assertEquals(Problem.HOSTILE, error.problem());
        assertNothingInstalled();
    }

    @Test
    void symlinkPointingOutsideRefusesTheWholeArchive() throws Exception {
        ReferenceArchiveException error = refusedTarGz(
                legitimate(SHA1).symlink(top(SHA1) + "docs/passwd", "../../../etc/passwd"));

        assertEquals(Problem.HOSTILE, error.problem());
        assertTrue(error.getMessage().contains("link"), error.getMessage());
        assertNothingInstalled();
    }

    @Test
    void absoluteSymlinkInAZipRefusesTheWholeArchive() throws Exception {
        fixture(ExtractionLimits.DEFAULTS);
        fixture.publish(SHA1, ArchiveFormat.ZIP, legitimate(SHA1).symlink(top(SHA1) + "home", "/home").zip());
        fixture.library.add(new ReferenceSource(NAME, REPO_URL, SHA1, ArchiveFormat.ZIP, null));

        ReferenceArchiveException error = assertThrows(ReferenceArchiveException.class,
                () -> fixture.library.sync(NAME, ProgressListener.NONE));

        assertEquals(Problem.HOSTILE, error.problem());
        assertNothingInstalled();
    }

    @Test
    void hardlinkToAFileOutsideRefusesTheWholeArchive() throws Exception {
        ReferenceArchiveException error = refusedTarGz(legitimate(SHA1).hardlink(top(SHA1) + "shadow", "/etc/shadow"));

        assertEquals(Problem.HOSTILE, error.problem());
        assertNothingInstalled();
    }

    @Test
    void linksInsideTheArchiveAreSkippedWithAReason() throws Exception {
        fixture(ExtractionLimits.DEFAULTS);
        fixture.publish(SHA1, ArchiveFormat.TAR_GZ, legitimate(SHA1)
                .symlink(top(SHA1) + "docs/readme-link", "../README.md")
                .hardlink(top(SHA1) + "README.copy", top(SHA1) + "README.md")
                .tarGz());
        fixture.library.add(NAME, REPO_URL, SHA1);

        SyncReport report = fixture.library.sync(NAME, ProgressListener.NONE);

        assertEquals(1, report.fileCount());
        assertEquals(List.of(
                new SkippedEntry(top(SHA1) + "docs/readme-link", "symbolic link not created"),
                new SkippedEntry(top(SHA1) + "README.copy", "hard link not created")), report.skipped());
        assertFalse(Files.exists(fixture.sourceFolder().resolve("docs/readme-link"), LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(fixture.sourceFolder().resolve("README.copy"), LinkOption.NOFOLLOW_LINKS));
    }

    /** Found by the archive fuzz test: the write failed and the sync blamed the disk or its permissions. */
    @Test
    void aNameTooLongForTheFileSystemIsSkippedWithAReason() throws Exception {
        fixture(ExtractionLimits.DEFAULTS);
        String longName = top(SHA1) + "n".repeat(300) + ".md";
        fixture.publish(SHA1, ArchiveFormat.TAR_GZ, legitimate(SHA1).file(longName, "too long a name").tarGz());
        fixture.library.add(NAME, REPO_URL, SHA1);

        SyncReport report = fixture.library.sync(NAME, ProgressListener.NONE);

        assertEquals(1, report.fileCount());
        assertEquals(List.of(new SkippedEntry(longName, "name not valid on every system")), report.skipped());
    }

    @Test
    void archiveOverTheSizeCapIsRefusedAndTheOldVersionKept() throws Exception {
        fixture(new ExtractionLimits(1024 * 1024, 4096, 100));
        fixture.publishAndSync(SHA1, legitimate(SHA1));
        // Highly compressible: small on the wire, over the cap once unpacked.
        fixture.publish(SHA2, ArchiveFormat.TAR_GZ,
                TestArchives.create().file(top(SHA2) + "big.txt", "a".repeat(64 * 1024)).tarGz());
        fixture.library.add(NAME, REPO_URL, SHA2);

        ReferenceArchiveException error = assertThrows(ReferenceArchiveException.class,
                () -> fixture.library.sync(NAME, ProgressListener.NONE));

        assertEquals(Problem.TOO_LARGE, error.problem());
        assertEquals("legitimate content", fixture.read("README.md"));
        assertEquals(SHA1, fixture.library.list().get(0).installed().orElseThrow().commitSha());
        assertEquals(List.of(), fixture.leftovers());
    }

    @Test
    void archiveWithTooManyEntriesIsRefused() throws Exception {
        fixture(new ExtractionLimits(1024 * 1024, 1024 * 1024, 5));
        TestArchives many = TestArchives.create();
        for (int i = 0; i < 10; i++) {
            many.file(top(SHA1) + "file" + i + ".txt", "legitimate " + i);
        }

        ReferenceArchiveException error = refusedTarGz(many);

        assertEquals(Problem.TOO_LARGE, error.problem());
        assertNothingInstalled();
    }

    @Test
    void downloadOverTheArchiveCapIsStopped() throws Exception {
        fixture(new ExtractionLimits(512, 1024 * 1024, 100));
        byte[] noise = new byte[4096];
        new java.util.Random(7).nextBytes(noise); // incompressible, so the archive exceeds 512 bytes

        ReferenceArchiveException error = refusedTarGz(legitimate(SHA1).file(top(SHA1) + "noise.bin", noise));

        assertEquals(Problem.TOO_LARGE, error.problem());
        assertNothingInstalled();
    }

    @Test
    void somethingThatIsNotAnArchiveIsRefused() throws Exception {
        fixture(ExtractionLimits.DEFAULTS);
        fixture.publish(SHA1, ArchiveFormat.TAR_GZ, "<html>rate limited</html>".getBytes());
        fixture.library.add(NAME, REPO_URL, SHA1);

        ReferenceArchiveException error = assertThrows(ReferenceArchiveException.class,
                () -> fixture.library.sync(NAME, ProgressListener.NONE));

        assertEquals(Problem.UNSUPPORTED, error.problem());
        assertNothingInstalled();
    }
}
