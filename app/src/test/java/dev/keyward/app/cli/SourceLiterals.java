package dev.keyward.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The string literals of Java source files, with comments skipped and literals joined by
 * {@code +} read as one ("'keyward" + " secret list'" is one literal here).
 */
final class SourceLiterals {

    /** One literal and the file it is in. */
    record Literal(Path file, String text) {
    }

    private SourceLiterals() {
    }

    static List<Literal> under(Path root) throws IOException {
        List<Literal> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                for (String text : of(Files.readString(file))) {
                    out.add(new Literal(file, text));
                }
            }
        }
        return out;
    }

    static List<String> of(String source) {
        List<String> out = new ArrayList<>();
        StringBuilder current = null;
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                i = lineEnd(source, i);
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'') {
                i = skipQuoted(source, i, '\'');
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end;
                out.add(source.substring(i + 3, end));
                i = Math.min(n, end + 3);
            } else if (c == '"') {
                int end = skipQuoted(source, i, '"');
                String text = source.substring(i + 1, Math.max(i + 1, end - 1));
                if (current == null) {
                    current = new StringBuilder(text);
                } else {
                    current.append(text);
                }
                i = end;
                int next = skipSpace(source, i);
                if (next < n && source.charAt(next) == '+' && source.charAt(skipSpace(source, next + 1)) == '"'
                        && !source.startsWith("\"\"\"", skipSpace(source, next + 1))) {
                    i = skipSpace(source, next + 1);
                } else {
                    out.add(current.toString());
                    current = null;
                }
            } else {
                i++;
            }
        }
        return out;
    }

    private static int lineEnd(String s, int i) {
        int end = s.indexOf('\n', i);
        return end < 0 ? s.length() : end;
    }

    private static int skipQuoted(String s, int i, char quote) {
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != quote && s.charAt(j) != '\n') {
            j += s.charAt(j) == '\\' ? 2 : 1;
        }
        return Math.min(s.length(), j + 1);
    }

    private static int skipSpace(String s, int i) {
        int j = i;
        while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
            j++;
        }
        return j;
    }
}
