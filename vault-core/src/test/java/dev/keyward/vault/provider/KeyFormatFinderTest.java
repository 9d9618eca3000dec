package dev.keyward.vault.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class KeyFormatFinderTest {

    private final KeyFormatFinder finder = KeyFormatFinder.bundled();

    /**
     * Ordinary text: the project's own main source trees, documents and scripts. No key format
     * may fire there. (Test trees plant fake keys on purpose and are checked for consistency below.)
     */
    @Test
    void theProjectsOwnSourcesAndDocumentsGiveNoFindings() throws IOException {
        Path root = projectRoot();
        List<String> found = new ArrayList<>();
        long chars = 0;
        List<Path> files = textFiles(root, List.of("vault-core/src/main", "automation/src/main",
                "reference-library/src/main", "app/src/main", "packaging/src/main", "docs", "bench", "samples",
                "README.md", "pom.xml"));
        for (Path path : files) {
            String text = readText(path);
            chars += text.length();
            for (KeyFormatMatch match : finder.find(text)) {
                found.add(root.relativize(path) + " " + match.providerSlug() + " at " + match.start());
            }
        }
        assertTrue(files.size() > 400 && chars > 2_000_000, files.size() + " files, " + chars + " chars");
        assertEquals(List.of(), found, "findings in " + files.size() + " files, " + chars + " chars");
    }

    /** Every key found in the test trees' planted fakes is the provider the detector names for it alone. */
    @Test
    void findingsInTheTestTreesAgreeWithTheWholeValueDetector() throws IOException {
        Path root = projectRoot();
        KeyFormatDetector detector = KeyFormatDetector.bundled();
        int findings = 0;
        for (Path path : textFiles(root, List.of("vault-core/src/test", "automation/src/test", "app/src/test"))) {
            String text = readText(path);
            for (KeyFormatMatch match : finder.find(text)) {
                findings++;
                if (!match.byNameHint()) {
                    assertEquals(Optional.of(match.providerSlug()),
                            detector.detect(text.substring(match.start(), match.end())),
                            root.relativize(path) + " at " + match.start());
                }
            }
        }
        assertTrue(findings > 10, "the test trees hold planted fakes; only " + findings + " found");
    }

    @Test
    void keysAreFoundWhereTheyTouchPunctuationButNotInsideLongerWords() {
        String key = FakeKeys.onePerProvider().get("github");
        assertEquals(1, finder.find("(" + key + ")").size());
        assertEquals(1, finder.find("url=" + key + "&a=b").size());
        assertEquals(1, finder.find("\\n" + key + "\\n").size());
        assertEquals(1, finder.find("token%3D" + key).size());
        assertEquals(List.of(), finder.find("x" + key));
        assertEquals(List.of(), finder.find("_" + key));
        assertEquals(List.of(), finder.find(key + "_tail"));
    }

    @Test
    void aSpanIsReportedOnceEvenWhenSeveralFormatsFitIt() {
        String anthropic = FakeKeys.onePerProvider().get("anthropic");
        List<KeyFormatMatch> found = finder.find("ANTHROPIC_API_KEY=" + anthropic);
        assertEquals(1, found.size());
        assertEquals("anthropic", found.get(0).providerSlug());
    }

    @Test
    void placeholdersAreNotKeys() {
        String stripe = FakeKeys.onePerProvider().get("stripe");
        assertEquals(1, finder.find(stripe).size(), "the test needs a real-looking key first");
        for (String placeholder : List.of("sk_" + "test_" + "x".repeat(24), "sk_" + "live_51ExampleOnlyNotARealKey7Kq",
                "gh" + "p_" + "0".repeat(36), "xo" + "xb-your-bot-token-goes-here")) {
            assertEquals(List.of(), finder.find("KEY=" + placeholder), placeholder);
        }
    }

    @Test
    void randomTextAndLongRunsOfKeyCharactersGiveNothing() {
        Random random = new Random(7);
        String alphabet = " \n\t=:\"'{}[],._-/+" + FakeKeys.ALNUM;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2_000_000; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        assertEquals(List.of(), finder.find(text));
        assertEquals(List.of(), finder.find("sk-" + "a".repeat(5000)));
        assertFalse(finder.find(KeyFormatVectors.expand("sk-{alnum:48}", random)).isEmpty());
    }

    @Test
    void entropyIsBitsPerCharacter() {
        assertEquals(0.0, KeyFormatFinder.entropy("aaaa", 0, 4), 1e-9);
        assertEquals(1.0, KeyFormatFinder.entropy("abab", 0, 4), 1e-9);
        assertEquals(4.0, KeyFormatFinder.entropy("0123456789abcdef", 0, 16), 1e-9);
    }

    private static Path projectRoot() {
        Path root = Path.of("").toAbsolutePath().getParent();
        assertTrue(Files.isRegularFile(root.resolve("pom.xml")), "run from a module folder: " + root);
        return root;
    }

    private static List<Path> textFiles(Path root, List<String> places) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String place : places) {
            Path start = root.resolve(place);
            if (Files.isRegularFile(start)) {
                files.add(start);
            } else if (Files.isDirectory(start)) {
                try (Stream<Path> walk = Files.walk(start)) {
                    walk.filter(Files::isRegularFile).filter(p -> readTextOrNull(p) != null).forEach(files::add);
                }
            }
        }
        return files;
    }

    private static String readText(Path path) {
        return readTextOrNull(path);
    }

    /** The file as UTF-8 text, or null when it is binary or large. */
    private static String readTextOrNull(Path path) {
        try {
            if (Files.size(path) > 4_000_000) {
                return null;
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(path))).toString();
        } catch (CharacterCodingException e) {
            return null;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
