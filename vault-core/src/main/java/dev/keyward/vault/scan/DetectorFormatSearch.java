package dev.keyward.vault.scan;

import dev.keyward.vault.provider.KeyFormatDetector;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link KeyFormatSearch} that tries the catalog's whole-key formats ({@link KeyFormatDetector}) on
 * every token-like run of the text: letters, digits and {@code _ - .}, at least 16 long. Keys in the
 * catalog are built from those characters; a run is cut at anything else (quotes, {@code =}, spaces).
 */
public final class DetectorFormatSearch implements KeyFormatSearch {

    private static final int MIN_RUN = 16;

    private final KeyFormatDetector detector;

    public DetectorFormatSearch(KeyFormatDetector detector) {
        this.detector = detector;
    }

    /** A search over the bundled catalog's formats. */
    public static DetectorFormatSearch bundled() {
        return new DetectorFormatSearch(KeyFormatDetector.bundled());
    }

    @Override
    public List<FormatHit> find(CharSequence text) {
        List<FormatHit> hits = new ArrayList<>();
        int length = text.length();
        int i = 0;
        while (i < length) {
            if (!tokenChar(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < length && tokenChar(text.charAt(i))) {
                i++;
            }
            int end = i;
            while (end > start && text.charAt(end - 1) == '.') {
                end--; // a key at the end of a sentence
            }
            if (end - start >= MIN_RUN && end - start <= MAX_KEY_LENGTH) {
                int from = start;
                int to = end;
                detector.detect(CharBuffer.wrap(text, from, to)).ifPresent(slug -> hits.add(new FormatHit(from, to, slug)));
            }
        }
        return hits;
    }

    private static boolean tokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
    }
}
