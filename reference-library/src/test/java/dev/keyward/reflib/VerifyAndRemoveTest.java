package dev.keyward.reflib;

import static dev.keyward.reflib.LibraryFixture.NAME;
import static dev.keyward.reflib.LibraryFixture.SHA1;
import static dev.keyward.reflib.LibraryFixture.top;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyAndRemoveTest {

    @TempDir
    Path root;

    LibraryFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new LibraryFixture(root);
        fixture.publishAndSync(SHA1, TestArchives.create()
                .file(top(SHA1) + "README.md", "# Widgets reference\n")
                .file(top(SHA1) + "src/click.py", "def click(selector):\n    pass\n")
                .file(top(SHA1) + "src/fill.py", "def fill(selector, value):\n    pass\n"));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void untouchedSourceVerifiesOk() {
        VerifyReport report = fixture.library.verify().get(0);

        assertEquals(VerifyStatus.OK, report.status());
        assertEquals(3, report.actualFileCount());
        assertEquals(report.expectedBytes(), report.actualBytes());
    }

    @Test
    void verifyDetectsAModifiedFileEvenWhenItsSizeIsUnchanged() throws Exception {
        Path click = fixture.sourceFolder().resolve("src/click.py");
        String original = Files.readString(click);
        Files.writeString(click, original.replace("pass", "exit")); // same length, different bytes

        VerifyReport report = fixture.library.verify().get(0);

        assertEquals(VerifyStatus.CHANGED, report.status());
        assertEquals(List.of("src/click.py"), report.changedPaths());
        assertEquals(List.of(), report.missingPaths());
        assertEquals(report.expectedBytes(), report.actualBytes());
    }

    @Test
    void verifyDetectsADeletedFileAndAModifiedOne() throws Exception {
        Files.delete(fixture.sourceFolder().resolve("src/fill.py"));
        Files.writeString(fixture.sourceFolder().resolve("README.md"), "# Tampered\n");

        VerifyReport report = fixture.library.verify().get(0);

        assertEquals(VerifyStatus.MISSING, report.status());
        assertEquals(List.of("src/fill.py"), report.missingPaths());
        assertEquals(List.of("README.md"), report.changedPaths());
        assertEquals(3, report.expectedFileCount());
        assertEquals(2, report.actualFileCount());
    }

    @Test
    void verifyReportsAddedFilesAndAMissingFolder() throws Exception {
        Files.writeString(fixture.sourceFolder().resolve("extra.txt"), "not from the archive");
        assertEquals(List.of("extra.txt"), fixture.library.verify().get(0).unexpectedPaths());
        assertEquals(VerifyStatus.CHANGED, fixture.library.verify().get(0).status());

        LibraryFolder.deleteTree(fixture.sourceFolder());
        VerifyReport report = fixture.library.verify().get(0);
        assertEquals(VerifyStatus.MISSING, report.status());
        assertEquals(3, report.missingPaths().size());
    }

    @Test
    void syncAlwaysRepairsAChangedCopy() throws Exception {
        Files.writeString(fixture.sourceFolder().resolve("src/click.py"), "tampered");

        fixture.library.sync(NAME, SyncMode.ALWAYS, ProgressListener.NONE);

        assertEquals(VerifyStatus.OK, fixture.library.verify().get(0).status());
        assertEquals("def click(selector):\n    pass\n", fixture.read("src/click.py"));
    }

    @Test
    void syncRedownloadsWhenFilesAreMissingFromTheCurrentCommit() throws Exception {
        Files.delete(fixture.sourceFolder().resolve("src/fill.py"));

        SyncReport report = fixture.library.sync(NAME, ProgressListener.NONE);

        assertTrue(report.downloaded());
        assertEquals(VerifyStatus.OK, fixture.library.verify().get(0).status());
    }

    @Test
    void removeDeletesFilesManifestRowAndIndexEntries() throws Exception {
        assertTrue(fixture.count("SELECT count(*) FROM reference_chunk WHERE source_name = ?", NAME) > 0);

        fixture.library.remove(NAME);

        assertFalse(Files.exists(fixture.sourceFolder()));
        assertEquals(List.of(), fixture.library.list());
        assertEquals(List.of(), fixture.library.verify());
        assertEquals(List.of(), fixture.library.search("selector", 10));
        assertEquals(0, fixture.count("SELECT count(*) FROM reference_library_manifest WHERE source_name = ?", NAME));
        assertEquals(0, fixture.count("SELECT count(*) FROM reference_chunk WHERE source_name = ?", NAME));
        assertEquals(0, fixture.count("SELECT count(*) FROM reference_chunk_text", null));
        assertEquals(0, fixture.count("SELECT count(*) FROM reference_file WHERE source_name = ?", NAME));
        assertEquals(List.of(), fixture.leftovers());
    }

    @Test
    void removingAnUnknownSourceIsReportedByName() {
        ReferenceSourceException error = assertThrows(ReferenceSourceException.class,
                () -> fixture.library.remove("never-added"));

        assertTrue(error.getMessage().contains("never-added"));
        assertEquals(1, fixture.library.list().size());
    }

    @Test
    void folderRetiredByACrashMidSwapIsRestoredBeforeTheNextChange() throws Exception {
        Path retired = fixture.library.folder().resolve(".old-" + NAME + "-" + UUID.randomUUID());
        Files.move(fixture.sourceFolder(), retired);
        Path staging = Files.createDirectory(
                fixture.library.folder().resolve(".staging-" + NAME + "-" + UUID.randomUUID()));
        Files.writeString(staging.resolve("half.txt"), "half-extracted");

        SyncReport report = fixture.library.sync(NAME, ProgressListener.NONE);

        assertFalse(report.downloaded(), "the restored folder is current, so nothing is downloaded");
        assertEquals(VerifyStatus.OK, fixture.library.verify().get(0).status());
        assertEquals(List.of(), fixture.leftovers());
    }
}
