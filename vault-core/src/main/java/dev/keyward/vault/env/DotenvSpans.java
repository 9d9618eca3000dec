package dev.keyward.vault.env;

import dev.keyward.vault.crypto.Wipe;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each definition's value is written in a {@code .env} text, so that a value can be replaced
 * while every other character of the file (comments, blank lines, {@code export}, spacing, quotes
 * of other lines, line endings) stays as it was. Read by the same rules as {@link DotenvParser}.
 */
public final class DotenvSpans {

    private DotenvSpans() {
    }

    /**
     * One definition's value as written: {@code [start, end)} are char offsets into the original text
     * (its CRLF line ends included), spanning the quotes of a quoted value and nothing after it (no
     * trailing comment or white space). An empty value has {@code start == end}.
     */
    public record ValueSpan(String key, int line, int start, int end) {
    }

    /**
     * Every definition of {@code text}, in file order (a repeated key appears once per definition).
     *
     * @throws DotenvSyntaxException as {@link DotenvParser#parseToChars} would
     */
    public static List<ValueSpan> of(CharSequence text) throws DotenvSyntaxException {
        char[] normalized = DotenvParser.normalizeLineBreaks(text);
        try {
            DotenvScanner scanner = new DotenvScanner(normalized);
            scanner.scan().values().forEach(Wipe::chars);
            int[] original = originalOffsets(text, normalized.length);
            List<ValueSpan> out = new ArrayList<>();
            for (ValueSpan span : scanner.spans()) {
                out.add(new ValueSpan(span.key(), span.line(), original[span.start()], original[span.end()]));
            }
            return out;
        } finally {
            Wipe.chars(normalized);
        }
    }

    /** For each offset of the normalized text (and its end), the offset in {@code text}: a CRLF counts two there. */
    private static int[] originalOffsets(CharSequence text, int normalizedLength) {
        int[] map = new int[normalizedLength + 1];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            map[n++] = i;
            if (text.charAt(i) == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i++;
            }
        }
        map[n] = text.length();
        return map;
    }
}
