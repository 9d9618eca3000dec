package dev.keyward.vault.env;

import dev.keyward.vault.crypto.Wipe;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks a line-break-normalized {@code .env} text record by record; the rules it follows are
 * described on {@link DotenvParser}. It works on {@code char[]} throughout: neither the text nor
 * a value becomes a String.
 */
final class DotenvScanner {

    private final char[] src;
    /** Start of the line being read. */
    private int pos;
    /** 1-based number of the line that starts at {@link #pos}. */
    private int line = 1;
    /** Each key's value, in order of first appearance (a later definition replaces the value in place). */
    private final Map<String, char[]> values = new LinkedHashMap<>();
    /** Every line each key is defined on, in file order. */
    private final Map<String, List<Integer>> definitions = new LinkedHashMap<>();
    /** Where each definition's value is written (quotes included), in file order. */
    private final List<DotenvSpans.ValueSpan> spans = new ArrayList<>();

    DotenvScanner(char[] normalizedText) {
        this.src = normalizedText;
    }

    /**
     * Reads the whole text.
     *
     * @return each key's value (the last definition's), in order of first appearance, as a
     *         JavaScript object keeps insertion order; the caller wipes the arrays
     */
    Map<String, char[]> scan() throws DotenvSyntaxException {
        try {
            while (pos <= src.length) {
                int recordEnd = readRecord();
                line += 1 + countLineFeeds(pos, recordEnd);
                pos = recordEnd + 1;
            }
            return values;
        } catch (DotenvSyntaxException | RuntimeException e) {
            values.values().forEach(Wipe::chars);
            throw e;
        }
    }

    /** The line of the last definition of {@code key} (after {@link #scan}). */
    int lastLine(String key) {
        List<Integer> lines = definitions.get(key);
        return lines.get(lines.size() - 1);
    }

    /** The keys defined more than once, with every line they are defined on (after {@link #scan}). */
    Map<String, List<Integer>> repeatedKeys() {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        definitions.forEach((key, lines) -> {
            if (lines.size() > 1) {
                out.put(key, List.copyOf(lines));
            }
        });
        return out;
    }

    /** Where every definition's value stands in the normalized text, in file order (after {@link #scan}). */
    List<DotenvSpans.ValueSpan> spans() {
        return List.copyOf(spans);
    }

    private void define(String key, char[] value, int atLine, int spanStart, int spanEnd) {
        spans.add(new DotenvSpans.ValueSpan(key, atLine, spanStart, spanEnd));
        definitions.computeIfAbsent(key, k -> new ArrayList<>()).add(atLine);
        // LinkedHashMap.put on an existing key keeps its first position, as a JavaScript object does.
        Wipe.chars(values.put(key, value));
    }

    /** Reads the record starting at {@link #pos}; returns the index of the LF (or end) it ends at. */
    private int readRecord() throws DotenvSyntaxException {
        int lineEnd = lineEnd(pos);
        int i = skipBlank(pos, lineEnd);
        if (i == lineEnd || src[i] == '#') {
            refuseLineSeparators(pos, lineEnd, line);
            return lineEnd;
        }
        if (!isKeyChar(src[i])) {
            refuseLineSeparators(pos, lineEnd, line);
            throw refusal(isQuote(src[i])
                    ? "the line starts with a quote instead of a key; if it is meant as the value of"
                            + " the line above, move it after that line's ="
                    : "expected a key (letters A-Z or a-z, digits, _, . or -) at the start of the line");
        }
        int keyStart = i;
        int keyEnd = keyEnd(i, lineEnd);
        if (keyEnd - keyStart == 6 && startsWith("export", keyStart)
                && keyEnd < lineEnd && JsWhitespace.isBlank(src[keyEnd])) {
            int next = skipBlank(keyEnd, lineEnd);
            if (next < lineEnd && isKeyChar(src[next])) {
                keyStart = next;
                keyEnd = keyEnd(next, lineEnd);
            }
        }
        int valueStart = separatorEnd(keyEnd, lineEnd);
        String key = new String(src, keyStart, keyEnd - keyStart);
        if (key.equals("__proto__")) {
            throw refusal("the key __proto__ is dropped by dotenv (it is a JavaScript built-in); rename it");
        }
        int v = skipBlank(valueStart, lineEnd);
        if (v < lineEnd && isQuote(src[v])) {
            return readQuoted(key, v, lineEnd);
        }
        refuseLineSeparators(pos, lineEnd, line);
        define(key, v == lineEnd ? new char[0] : unquotedText(v, lineEnd), line, v, unquotedEnd(v, lineEnd));
        return lineEnd;
    }

    /** Checks what follows the key and returns where the value part begins. */
    private int separatorEnd(int keyEnd, int lineEnd) throws DotenvSyntaxException {
        int j = skipBlank(keyEnd, lineEnd);
        if (j < lineEnd && src[j] == '=') {
            return j + 1;
        }
        if (keyEnd < lineEnd && src[keyEnd] == ':') {
            if (keyEnd + 1 < lineEnd && JsWhitespace.isBlank(src[keyEnd + 1])) {
                return keyEnd + 1;
            }
            throw refusal(keyEnd + 1 == lineEnd
                    ? "the key is followed by ':' and nothing else, so dotenv would take the next line"
                            + " as its value; write KEY= for an empty value"
                    : "a ':' after the key must be followed by a space (KEY: value); or use KEY=value");
        }
        int equals = indexOf('=', keyEnd, src.length);
        if (equals >= 0 && equals < lineEnd) {
            throw refusal("the key before '=' contains a character dotenv does not accept; keys may"
                    + " only use letters A-Z and a-z, digits, _, . and -");
        }
        throw refusal("there is no '=' between a key and a value");
    }

    private int readQuoted(String key, int open, int lineEnd) throws DotenvSyntaxException {
        refuseLineSeparators(pos, open, line);
        char quote = src[open];
        List<Integer> candidates = closingCandidates(open, quote);
        // dotenv's pattern tries the farthest possible closing quote first.
        int laterClose = -1;
        int laterLineEnd = -1;
        for (int c = candidates.size() - 1; c >= 0; c--) {
            int close = candidates.get(c);
            // Look for the line end only up to the later candidate, so that a long run of escaped
            // quotes on one line is read in linear time, not quadratic.
            int closeLineEnd = laterClose < 0 ? lineEnd(close) : indexOf('\n', close, laterClose);
            if (closeLineEnd < 0) {
                closeLineEnd = laterLineEnd;
            }
            laterClose = close;
            laterLineEnd = closeLineEnd;
            if (onlyBlankOrComment(close + 1, closeLineEnd)) {
                refuseLineSeparators(close + 1, closeLineEnd, line + countLineFeeds(open, close));
                define(key, quote == '"' ? expandEscapes(src, open + 1, close)
                        : Arrays.copyOfRange(src, open + 1, close), line, open, close + 1);
                return closeLineEnd;
            }
        }
        // No closing quote works: dotenv falls back to reading the line as an unquoted value.
        refuseLineSeparators(pos, lineEnd, line);
        char[] text = unquotedText(open, lineEnd);
        try {
            if (text.length >= 2 && text[text.length - 1] == quote) {
                define(key, quote == '"' ? expandEscapes(text, 1, text.length - 1)
                        : Arrays.copyOfRange(text, 1, text.length - 1), line, open, unquotedEnd(open, lineEnd));
                return lineEnd;
            }
        } finally {
            Wipe.chars(text);
        }
        throw unclosed(quote, open, candidates);
    }

    /**
     * Quotes that may close the value opened at {@code open}: each quote preceded by a backslash,
     * up to and including the first one that is not.
     */
    private List<Integer> closingCandidates(int open, char quote) {
        List<Integer> found = new ArrayList<>();
        int from = open + 1;
        int at;
        while ((at = indexOf(quote, from, src.length)) >= 0) {
            found.add(at);
            boolean escaped = at - 1 > open && src[at - 1] == '\\';
            if (!escaped) {
                break;
            }
            from = at + 1;
        }
        return found;
    }

    private DotenvSyntaxException unclosed(char quote, int open, List<Integer> candidates) {
        int last = candidates.isEmpty() ? -1 : candidates.get(candidates.size() - 1);
        boolean closedSomewhere = last >= 0 && !(last - 1 > open && src[last - 1] == '\\');
        if (!closedSomewhere) {
            return refusal("the value opened with " + quote + " is never closed");
        }
        int closeLine = line + countLineFeeds(open, last);
        if (closeLine == line) {
            return refusal("text follows the closing " + quote + " of the value, so dotenv would keep"
                    + " the quotes as part of it; remove that text or put # before a comment");
        }
        return refusal("the value opened with " + quote + " is closed only on line " + closeLine
                + " and text follows that quote, so dotenv would keep the opening quote in the value;"
                + " check for a missing closing quote");
    }

    /** dotenv turns the two characters {@code \n} and {@code \r} into LF and CR in double quotes. */
    private static char[] expandEscapes(char[] text, int from, int to) {
        char[] buffer = new char[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text[i];
            char next = i + 1 < to ? text[i + 1] : 0;
            if (c == '\\' && (next == 'n' || next == 'r')) {
                buffer[n++] = next == 'n' ? '\n' : '\r';
                i++;
            } else {
                buffer[n++] = c;
            }
        }
        char[] out = Arrays.copyOf(buffer, n);
        Wipe.chars(buffer);
        return out;
    }

    /** The text from {@code from} up to the first {@code #} or the line end, trimmed as JavaScript trims. */
    private char[] unquotedText(int from, int lineEnd) {
        int hash = indexOf('#', from, lineEnd);
        int start = from;
        int end = hash >= 0 ? hash : lineEnd;
        while (start < end && JsWhitespace.is(src[start])) {
            start++;
        }
        while (end > start && JsWhitespace.is(src[end - 1])) {
            end--;
        }
        return Arrays.copyOfRange(src, start, end);
    }

    /** Where the unquoted value starting at {@code from} ends: before a {@code #} or the line end, trimmed. */
    private int unquotedEnd(int from, int lineEnd) {
        int hash = indexOf('#', from, lineEnd);
        int end = hash >= 0 ? hash : lineEnd;
        while (end > from && JsWhitespace.is(src[end - 1])) {
            end--;
        }
        return end;
    }

    private boolean onlyBlankOrComment(int from, int lineEnd) {
        int i = skipBlank(from, lineEnd);
        return i == lineEnd || src[i] == '#';
    }

    private void refuseLineSeparators(int from, int to, int lineNumber) throws DotenvSyntaxException {
        for (int i = from; i < to; i++) {
            if (JsWhitespace.isUnicodeLineSeparator(src[i])) {
                throw new DotenvSyntaxException(lineNumber, "the line contains a Unicode line or"
                        + " paragraph separator (U+2028/U+2029) outside quotes, which dotenv reads"
                        + " inconsistently; remove it or put the value in quotes");
            }
        }
    }

    private DotenvSyntaxException refusal(String reason) {
        // The column where the refused definition starts: its first character that is not white space.
        return new DotenvSyntaxException(line, skipBlank(pos, lineEnd(pos)) - pos + 1, reason);
    }

    /** The first {@code c} in {@code [from, to)}, or -1. */
    private int indexOf(char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (src[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private boolean startsWith(String prefix, int at) {
        if (at + prefix.length() > src.length) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (src[at + k] != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private int lineEnd(int from) {
        int lf = indexOf('\n', from, src.length);
        return lf < 0 ? src.length : lf;
    }

    private int skipBlank(int from, int lineEnd) {
        int i = from;
        while (i < lineEnd && JsWhitespace.isBlank(src[i])) {
            i++;
        }
        return i;
    }

    private int keyEnd(int from, int lineEnd) {
        int i = from;
        while (i < lineEnd && isKeyChar(src[i])) {
            i++;
        }
        return i;
    }

    private int countLineFeeds(int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (src[i] == '\n') {
                n++;
            }
        }
        return n;
    }

    /** dotenv's key characters: JavaScript's {@code \w} (ASCII only), dot and dash. */
    static boolean isKeyChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '.' || c == '-';
    }

    static boolean isQuote(char c) {
        return c == '\'' || c == '"' || c == '`';
    }
}
