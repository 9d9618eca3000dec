package dev.keyward.reflib.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.keyward.reflib.ExtractionLimits;
import dev.keyward.reflib.ProgressListener;
import dev.keyward.reflib.ReferenceArchiveException;
import dev.keyward.reflib.archive.ExtractionResult;
import dev.keyward.reflib.archive.SafeExtractor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile archive bytes: extraction either succeeds inside the staging folder or refuses the archive
 * with a {@link ReferenceArchiveException}; nothing is ever written outside the staging folder.
 *
 * <p>Input layout: the first byte picks how the rest is used. Odd: the rest is a tar stream and is
 * gzipped here, so mutations reach the tar parser instead of dying on gzip's CRC. Even: the rest is
 * written as is (a zip, a tar.gz, or anything else).
 */
class ArchiveExtractionFuzzTest {

    /** Small caps so that a hostile size field cannot make one run slow. */
    private static final ExtractionLimits LIMITS = new ExtractionLimits(1 << 20, 1 << 20, 200);

    @TempDir
    Path tempDir;

    @FuzzTest(maxDuration = "60s")
    void extractionStaysInsideTheStagingFolderOrRefuses(byte[] input) throws IOException {
        if (input.length == 0) {
            return;
        }
        byte[] archiveBytes = (input[0] & 1) == 1 ? gzip(Arrays.copyOfRange(input, 1, input.length))
                : Arrays.copyOfRange(input, 1, input.length);
        // The staging folder sits four levels down so that an escape of up to four '..' still lands
        // inside tempDir, where the check below sees it.
        Path run = Files.createTempDirectory(tempDir, "run");
        Path archive = run.resolve("source.archive");
        Files.write(archive, archiveBytes);
        Path staging = Files.createDirectories(run.resolve("a/b/c/staging"));
        try {
            ExtractionResult result = new SafeExtractor(LIMITS).extract(archive, staging, "fuzz",
                    ProgressListener.NONE);
            assertTrue(result.contentRoot().startsWith(staging), "content root inside the staging folder");
        } catch (ReferenceArchiveException refused) {
            // The archive was refused as damaged, hostile, too large or unsupported: the expected outcome.
            assertFalse(refused.getMessage().isBlank());
        }
        assertOnlyStagingChanged(run, archive, staging);
        deleteRecursively(run);
        try (Stream<Path> left = Files.list(tempDir)) {
            assertEquals(List.of(), left.toList(), "nothing appeared next to the run folder");
        }
    }

    private static void assertOnlyStagingChanged(Path run, Path archive, Path staging) throws IOException {
        try (Stream<Path> all = Files.walk(run)) {
            for (Path p : all.toList()) {
                assertFalse(Files.isSymbolicLink(p), "no link is ever created: " + run.relativize(p));
                boolean expected = p.equals(run) || p.equals(archive) || staging.startsWith(p) || p.startsWith(staging);
                assertTrue(expected, "written outside the staging folder: " + run.relativize(p));
            }
        }
    }

    private static byte[] gzip(byte[] tar) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GzipCompressorOutputStream gz = new GzipCompressorOutputStream(out)) {
            gz.write(tar);
        }
        return out.toByteArray();
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    p.toFile().setWritable(true);
                }
                Files.delete(p);
            }
        }
    }
}
