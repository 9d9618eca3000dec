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

    @Test
    void aValueAtTheVeryStartAndEndOfASourceIsFound() throws IOException {
        assertEquals(List.of(new Location("a.txt", Optional.empty(), 1, 1), new Location("a.txt", Optional.empty(), 2, 1)),
                scan(VALUE + "\n" + VALUE, 16).stream().map(Finding::location).toList());
    }

    @Test
    void aPaddedBase64CopyIsOneFindingNotAlsoItsUnpaddedAndInsideForms() throws IOException {
        String value = VALUE + "x"; // 25 bytes: padded base64 ends in '='
        try (KnownValues values = KnownValues.none().add(OWNER, value.toCharArray())) {
            String encoded = java.util.Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
            assertTrue(encoded.endsWith("="));
            List<Finding> found = new ArrayList<>();
            new ContentScanner(ValueMatcher.of(values), KeyFormatSearch.none(), 7).scan(ScanSource.of("b", Optional.empty(),
                    () -> new ByteArrayInputStream(("k: " + encoded + "\n").getBytes(StandardCharsets.UTF_8))), found::add, () -> false);
            assertEquals(List.of(new Finding(new Location("b", Optional.empty(), 1, 4),
                    new FindingKind.Copy(OWNER, ValueEncoding.BASE64))), found);
        }
    }

    @Test
    void aValueKeptByTwoVersionsIsNamedOnceByItsCurrentVersion() throws IOException {
        KnownValue earlier = new KnownValue("API_TOKEN", 1, false, "2e41");
        try (KnownValues values = KnownValues.none().add(earlier, VALUE.toCharArray()).add(OWNER, VALUE.toCharArray())) {
            List<Finding> found = new ArrayList<>();
            new ContentScanner(ValueMatcher.of(values), KeyFormatSearch.none()).scan(ScanSource.of("c", Optional.empty(),
                    () -> new ByteArrayInputStream(VALUE.getBytes(StandardCharsets.UTF_8))), found::add, () -> false);
            assertEquals(List.of(new FindingKind.Copy(OWNER, ValueEncoding.AS_IS)), found.stream().map(Finding::kind).toList());
        }
    }

    @Test
    void aKeyInAProviderFormatIsACopyWhenTheVaultHoldsItAndUnvaultedOnceOtherwise() throws IOException {
        String other = "zz-unvaulted-key-77aa31";
        KeyFormatSearch everyDashedRun = text -> {
            List<FormatHit> hits = new ArrayList<>();
            String all = text.toString();
            for (String key : List.of(VALUE, other)) {
                for (int at = all.indexOf(key); at >= 0; at = all.indexOf(key, at + 1)) {
                    hits.add(new FormatHit(at, at + key.length(), "example"));
                }
            }
            return hits;
        };
        String text = "x".repeat(2500) + "\n" + VALUE + " " + other + "\n";
        for (int chunk : new int[] {5, 100, 2600, ContentScanner.DEFAULT_CHUNK_SIZE}) {
            List<FindingKind> kinds = scan(text.getBytes(StandardCharsets.UTF_8), chunk, everyDashedRun)
                    .stream().map(Finding::kind).toList();
            assertEquals(List.of(new FindingKind.Copy(OWNER, ValueEncoding.AS_IS), new FindingKind.Unvaulted("example", "aa31")),
                    kinds, "chunk " + chunk);
        }
    }

    @Test
    void randomTextWithoutTheValueGivesNoFinding() throws IOException {
        java.util.Random random = new java.util.Random(17);
        byte[] text = new byte[300_000];
        for (int i = 0; i < text.length; i++) {
            text[i] = (byte) (32 + random.nextInt(95));
        }
        assertEquals(List.of(), scan(text, 4096, KeyFormatSearch.none()));
    }

    @Test
    void linesAndColumnsAreCountedInCodePointsAcrossChunksOfEverySize() throws IOException {
        java.util.Random random = new java.util.Random(41);
        String[] pieces = {"a", "é", "€", "😀", " ", "\n", "\r\n", "x".repeat(40)};
        StringBuilder text = new StringBuilder();
        List<Location> expected = new ArrayList<>();
        int line = 1;
        int column = 1;
        for (int i = 0; i < 4000; i++) {
            if (random.nextInt(60) == 0) {
                expected.add(new Location("a.txt", Optional.empty(), line, column));
                text.append(VALUE);
                column += VALUE.length();
            }
            String piece = pieces[random.nextInt(pieces.length)];
            text.append(piece);
            if (piece.endsWith("\n")) {
                line++;
                column = 1;
            } else {
                column += piece.codePointCount(0, piece.length());
            }
        }
        assertTrue(expected.size() > 20);
        for (int chunk : new int[] {1, 3, 8, 9, 64, 1000, ContentScanner.DEFAULT_CHUNK_SIZE}) {
            assertEquals(expected, scan(text.toString(), chunk).stream().map(Finding::location).toList(), "chunk " + chunk);
        }
    }

    @Test
    void aSourceLongerOrShorterThanExpectedIsReadToItsEnd() throws IOException {
        byte[] bytes = ("x".repeat(5000) + "\n" + VALUE + "\n").getBytes(StandardCharsets.UTF_8);
        try (KnownValues values = KnownValues.none().add(OWNER, VALUE.toCharArray())) {
            ContentScanner scanner = new ContentScanner(ValueMatcher.of(values), KeyFormatSearch.none(), 2048);
            for (long expected : new long[] {0, 10, 4999, 5000, bytes.length - 1, bytes.length, bytes.length + 1, 1 << 20}) {
                List<Finding> found = new ArrayList<>();
                ContentScanner.Result result = scanner.scan(ScanSource.of("d", Optional.empty(), expected,
                        () -> new ByteArrayInputStream(bytes)), found::add, () -> false);
                assertEquals(bytes.length, result.bytesRead(), "expected " + expected);
                assertEquals(List.of(new Location("d", Optional.empty(), 2, 1)), found.stream().map(Finding::location).toList(),
                        "expected " + expected);
            }
        }
    }
}
