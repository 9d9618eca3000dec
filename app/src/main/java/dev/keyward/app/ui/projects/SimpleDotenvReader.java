package dev.keyward.app.ui.projects;

import dev.keyward.vault.InvalidInputException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small .env parser for the import preview until vault-core's parser is wired in:
 * {@code KEY=value}, an optional {@code export } prefix, {@code #} comments, and single or double
 * quotes (double quotes understand {@code \n}, {@code \"} and {@code \\}). Works on the
 * {@code char[]} directly, so no value becomes a String.
 */
final class SimpleDotenvReader implements DotenvReader {

    @Override
    public Map<String, char[]> parse(char[] text) {
        Map<String, char[]> out = new LinkedHashMap<>();
        int line = 0;
        int pos = 0;
        while (pos < text.length) {
            line++;
            int end = pos;
            while (end < text.length && text[end] != '\n') {
                end++;
            }
            int lineEnd = end > pos && text[end - 1] == '\r' ? end - 1 : end;
            parseLine(text, pos, lineEnd, line, out);
            pos = end + 1;
        }
        return out;
    }

    private static void parseLine(char[] t, int from, int to, int line, Map<String, char[]> out) {
        int i = skipSpaces(t, from, to);
        if (i >= to || t[i] == '#') {
            return;
        }
        if (startsWith(t, i, to, "export ")) {
            i = skipSpaces(t, i + 7, to);
        }
        int nameStart = i;
        while (i < to && t[i] != '=' && !Character.isWhitespace(t[i])) {
            i++;
        }
        String name = new String(t, nameStart, i - nameStart);
        i = skipSpaces(t, i, to);
        if (name.isEmpty() || i >= to || t[i] != '=') {
            throw new InvalidInputException("Line " + line + " of the .env file is not NAME=value; nothing was imported.");
        }
        i = skipSpaces(t, i + 1, to);
        char[] value;
        if (i < to && (t[i] == '"' || t[i] == '\'')) {
            value = quoted(t, i, to, line);
        } else {
            int end = i;
            while (end < to && !(t[end] == '#' && end > i && Character.isWhitespace(t[end - 1]))) {
                end++;
            }
            while (end > i && Character.isWhitespace(t[end - 1])) {
                end--;
            }
            value = Arrays.copyOfRange(t, i, end);
        }
        char[] previous = out.put(name, value);
        if (previous != null) {
            Arrays.fill(previous, '\0');
        }
    }

    private static char[] quoted(char[] t, int open, int to, int line) {
        char quote = t[open];
        char[] buf = new char[to - open];
        int n = 0;
        for (int i = open + 1; i < to; i++) {
            char c = t[i];
            if (c == quote) {
                char[] value = Arrays.copyOf(buf, n);
                Arrays.fill(buf, '\0');
                return value;
            }
            if (quote == '"' && c == '\\' && i + 1 < to) {
                char next = t[++i];
                buf[n++] = next == 'n' ? '\n' : next == 'r' ? '\r' : next == 't' ? '\t' : next;
            } else {
                buf[n++] = c;
            }
        }
        Arrays.fill(buf, '\0');
        throw new InvalidInputException("Line " + line + " of the .env file has an unclosed quote; nothing was imported.");
    }

    private static int skipSpaces(char[] t, int i, int to) {
        while (i < to && (t[i] == ' ' || t[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean startsWith(char[] t, int i, int to, String prefix) {
        if (to - i < prefix.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (t[i + k] != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
