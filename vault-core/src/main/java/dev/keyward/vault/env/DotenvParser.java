package dev.keyward.vault.env;

import dev.keyward.vault.crypto.Wipe;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code .env} text the way the npm {@code dotenv} library (v16 {@code parse}) reads it,
 * except that a file dotenv would read only in part is refused as a whole.
 *
 * <h2>What is read, and how (same as dotenv)</h2>
 * <ol>
 *   <li><b>Line endings.</b> CRLF and lone CR are turned into LF before anything else, also
 *       inside quoted values; line numbers count those line ends.</li>
 *   <li><b>White space</b> means what JavaScript's {@code \s} means: space, tab, VT, FF,
 *       no-break space, the other Unicode space separators, and U+FEFF. So a <b>byte-order
 *       mark</b> at the start of the file (or of any line) is skipped like indentation.</li>
 *   <li><b>Blank lines</b> and lines whose first non-blank character is {@code #} are
 *       ignored.</li>
 *   <li><b>{@code export}.</b> A line may start with {@code export} and white space; the word is
 *       dropped. {@code export=1} (no white space after the word) defines the key
 *       {@code export}.</li>
 *   <li><b>Keys</b> are one or more of {@code A-Z a-z 0-9 _ . -}, so {@code app.port} and
 *       {@code my-key} are keys; white space before the key is ignored.</li>
 *   <li><b>Separator.</b> {@code =} with optional white space on both sides, or (YAML style)
 *       {@code :} directly after the key followed by at least one white-space character.</li>
 *   <li><b>Empty values.</b> Nothing (or only white space or a comment) after the separator
 *       gives the empty string.</li>
 *   <li><b>Unquoted values</b> run to the end of the line or to the first {@code #}, whichever
 *       comes first, and are trimmed: {@code A=x#y} gives {@code x}; {@code A=#fff} gives the empty
 *       string. Quotes inside them are kept; {@code \n} stays a backslash and an {@code n}.</li>
 *   <li><b>Single quotes</b> ({@code '...'}) and <b>backticks</b> ({@code `...`}) give their
 *       content literally, white space included; {@code #} inside is not a comment.</li>
 *   <li><b>Double quotes</b> ({@code "..."}) give their content with each {@code \n} turned into
 *       a line feed and each {@code \r} into a carriage return; no other escapes exist, so
 *       {@code \"} stays a backslash and a quote.</li>
 *   <li><b>Multi-line values.</b> A quoted value runs to the first matching quote that is not
 *       preceded by a backslash, across line ends. If text other than white space or a comment
 *       follows that quote, an earlier quote preceded by a backslash may close the value instead
 *       (this is how {@code A="x\"} reads as {@code x\}).</li>
 *   <li><b>Quote, then more text.</b> When no closing quote is followed by only white space or a
 *       comment, dotenv reads the line as an unquoted value; if that text ends with the opening
 *       quote, the outer quotes are removed: {@code A='it's here'} gives {@code it's here}.</li>
 *   <li><b>Repeated keys.</b> The last definition wins. The entry keeps the place of the key's
 *       first appearance (as a JavaScript object keeps insertion order) and carries the value
 *       and line of the last one. Unlike a JavaScript object, all-digit keys are not moved to
 *       the front.</li>
 * </ol>
 *
 * <h2>What is refused (dotenv would skip it or misread it silently)</h2>
 * {@link DotenvSyntaxException} names the first offending line; nothing is returned.
 * <ul>
 *   <li>a line that is not blank, not a comment, and not {@code KEY=value}: no {@code =}, a key
 *       with other characters (spaces, {@code $}, non-ASCII letters...), or a line that starts
 *       with a quote. dotenv skips such lines, or takes a quoted line as the value of an empty
 *       {@code KEY=} above it;</li>
 *   <li>{@code KEY:} with nothing after the colon (dotenv would take the next line as its value)
 *       and {@code KEY:value} without a space (dotenv skips it);</li>
 *   <li>a quoted value that is never closed, or closed and followed by other text so that the
 *       opening quote would end up inside the value;</li>
 *   <li>the key {@code __proto__}, which dotenv silently drops;</li>
 *   <li>U+2028 or U+2029 outside quotes: JavaScript treats them as line ends in some places of
 *       dotenv's pattern and as ordinary characters in others.</li>
 * </ul>
 */
public final class DotenvParser {

    private DotenvParser() {
    }

    /**
     * Parses a whole {@code .env} text into {@code char[]} values (no value becomes a String) and
     * also reports the keys it defines more than once.
     *
     * @throws DotenvSyntaxException if any line is malformed; then nothing is returned
     */
    public static Parsed parseToChars(CharSequence text) throws DotenvSyntaxException {
        char[] normalized = normalizeLineBreaks(text);
        try {
            DotenvScanner scanner = new DotenvScanner(normalized);
            Map<String, char[]> values = scanner.scan();
            Map<String, Integer> lines = new LinkedHashMap<>();
            values.keySet().forEach(key -> lines.put(key, scanner.lastLine(key)));
            return new Parsed(values, lines, scanner.repeatedKeys());
        } finally {
            Wipe.chars(normalized);
        }
    }

    /**
     * A parsed text: each key's value (the last definition's, in order of first appearance; the
     * caller wipes the arrays), the line of that definition, and the keys defined more than once,
     * each with its lines. Its {@code toString} shows no value (a {@code char[]} prints as its type).
     */
    public record Parsed(Map<String, char[]> values, Map<String, Integer> lines, Map<String, List<Integer>> repeatedKeys) {
    }

    /** Turns CRLF and lone CR into LF, as dotenv does before matching; the caller wipes the result. */
    static char[] normalizeLineBreaks(CharSequence text) {
        char[] buffer = new char[text.length()];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                buffer[n++] = '\n';
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                buffer[n++] = c;
            }
        }
        char[] out = Arrays.copyOf(buffer, n);
        Wipe.chars(buffer);
        return out;
    }
}
