package dev.keyward.automation.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The saved real documents (issue 20's proof) stay byte for byte as saved: each file under {@code real/} and the
 * labelled set has its SHA-256 in {@code real/README.md}, and the files present are exactly the ones listed.
 */
class SavedDocumentsAreUnchangedTest {

    private static final Pattern LISTED = Pattern.compile("(?m)^([0-9a-f]{64})  (\\S+)$");

    @Test
    void everySavedDocumentMatchesTheChecksumItsReadmeLists() throws Exception {
        Map<String, String> listed = new TreeMap<>();
        Matcher m = LISTED.matcher(Fixtures.read("real/README.md"));
        while (m.find()) {
            listed.put(m.group(2), m.group(1));
        }
        Map<String, String> actual = new TreeMap<>();
        for (String name : savedFiles()) {
            actual.put(name, sha256(name));
        }
        actual.put("labelled/changelog-items.tsv", sha256("labelled/changelog-items.tsv"));
        assertEquals(listed, actual);
    }

    /** Every file under real/ but its README, as "real/NAME". */
    private static Iterable<String> savedFiles() throws URISyntaxException, IOException {
        Path folder = Path.of(Fixtures.class.getResource("real/README.md").toURI()).getParent();
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> "real/" + f.getFileName()).filter(n -> !n.equals("real/README.md")).sorted().toList();
        }
    }

    private static String sha256(String name) throws IOException, NoSuchAlgorithmException {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        }
    }
}
