package dev.keyward.vault.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContentScannerTest {

    private static final String VALUE = "kw-scan-value-9f3a7c2e41";
    private static final KnownValue OWNER = new KnownValue("API_TOKEN", 2, true, "2e41");

    private static List<Finding> scan(String text, int chunkSize) throws IOException {
        return scan(text.getBytes(StandardCharsets.UTF_8), chunkSize, KeyFormatSearch.none());
    }

    private static List<Finding> scan(byte[] bytes, int chunkSize, KeyFormatSearch formats) throws IOException {
        try (KnownValues values = KnownValues.none().add(OWNER, VALUE.toCharArray())) {
            ContentScanner scanner = new ContentScanner(ValueMatcher.of(values), formats, chunkSize);
            List<Finding> found = new ArrayList<>();
            scanner.scan(ScanSource.of("a.txt", Optional.empty(), () -> new ByteArrayInputStream(bytes)), found::add, () -> false);
            return found;
        }
    }

    @Test
    void aPlainCopyIsFoundAtItsLineAndColumn() throws IOException {
        List<Finding> found = scan("first line\nTOKEN=\"" + VALUE + "\"\n", ContentScanner.DEFAULT_CHUNK_SIZE);
        assertEquals(1, found.size(), found.toString());
        Finding finding = found.get(0);
        assertEquals(new Location("a.txt", Optional.empty(), 2, 8), finding.location());
        assertEquals(new FindingKind.Copy(OWNER, ValueEncoding.AS_IS), finding.kind());
    }

    @Test
    void aCopyAcrossEveryChunkBoundaryIsFoundOnce() throws IOException {
        String filler = "x".repeat(3000) + "\n";
        String text = filler + "é " + VALUE + " " + filler;
        for (int chunk = 1; chunk < 64; chunk += 7) {
            List<Finding> found = scan(text, chunk);
            assertEquals(1, found.size(), "chunk " + chunk + ": " + found);
            assertEquals(new Location("a.txt", Optional.empty(), 2, 3), found.get(0).location(), "chunk " + chunk);
        }
    }

    @Test
    void aBinarySourceIsNotSearched() throws IOException {
        byte[] bytes = ("\0" + VALUE).getBytes(StandardCharsets.UTF_8);
        assertTrue(scan(bytes, 1024, KeyFormatSearch.none()).isEmpty());
    }
}
