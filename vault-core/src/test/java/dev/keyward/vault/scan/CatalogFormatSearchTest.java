package dev.keyward.vault.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CatalogFormatSearchTest {

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String HEX = "0123456789abcdef";

    private static String random(String alphabet, int length, long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static List<Finding> scan(String text, int chunkSize, KnownValues values) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ContentScanner scanner = new ContentScanner(ValueMatcher.of(values), CatalogFormatSearch.bundled(), chunkSize);
        List<Finding> found = new ArrayList<>();
        scanner.scan(ScanSource.of("f.env", Optional.empty(), () -> new ByteArrayInputStream(bytes)), found::add, () -> false);
        return found;
    }

    @Test
    void prefixedAndNameHintedKeysAreFoundOnceAcrossEveryChunkBoundary() throws IOException {
        String github = "gh" + "p_" + random(ALNUM, 36, 1);
        String algolia = random(HEX, 32, 2);
        String filler = "x = 1\n".repeat(400);
        String text = filler + "TOKEN=" + github + "\n" + filler + "ALGOLIA_ADMIN_KEY=\"" + algolia + "\"\n";
        for (int chunk : new int[] {1, 7, 64, 1000, ContentScanner.DEFAULT_CHUNK_SIZE}) {
            List<Finding> found = scan(text, chunk, KnownValues.none());
            assertEquals(List.of(
                    new Finding(new Location("f.env", Optional.empty(), 401, 7),
                            new FindingKind.Unvaulted("github", github.substring(github.length() - 4))),
                    new Finding(new Location("f.env", Optional.empty(), 802, 20),
                            new FindingKind.Unvaulted("algolia", algolia.substring(28)))),
                    found, "chunk " + chunk);
        }
    }

    @Test
    void aKeyThatIsAVaultValueIsReportedAsItsCopyOnly() throws IOException {
        String github = "gh" + "p_" + random(ALNUM, 36, 3);
        KnownValue owner = new KnownValue("GITHUB_TOKEN", 1, true, github.substring(32));
        try (KnownValues values = KnownValues.none().add(owner, github.toCharArray())) {
            List<Finding> found = scan("GH=" + github + "\n", ContentScanner.DEFAULT_CHUNK_SIZE, values);
            assertEquals(List.of(new Finding(new Location("f.env", Optional.empty(), 1, 4),
                    new FindingKind.Copy(owner, ValueEncoding.AS_IS))), found);
        }
    }
}
