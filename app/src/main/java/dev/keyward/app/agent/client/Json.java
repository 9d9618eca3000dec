package dev.keyward.app.agent.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON the agent's frames need: objects, arrays, strings, integers, booleans and null.
 * The command line's fast path must not load Jackson (a few hundred classes, most of a short
 * command's start-up), so frames are written and read here. Anything else (fractions, exponents,
 * nesting deeper than {@link #MAX_DEPTH}) is refused as a bad frame.
 */
final class Json {

    /** Frames are flat; a deep document is garbage or an attack on the parser's stack. */
    static final int MAX_DEPTH = 8;

    private final String text;
    private int at;

    private Json(String text) {
        this.text = text;
    }

    /** Thrown for text that is not one JSON value of the kinds above; its message never quotes the text. */
    static final class MalformedException extends Exception {
        MalformedException(String what) {
            super(what);
        }
    }

    /** The JSON object {@code text} holds, with values as String, Long, Boolean, null, List and Map. */
    static Map<String, Object> parseObject(String text) throws MalformedException {
        Json parser = new Json(text);
        parser.skipSpace();
        if (parser.at >= text.length() || text.charAt(parser.at) != '{') {
            throw new MalformedException("not a JSON object");
        }
        Object value = parser.value(0);
        parser.skipSpace();
        if (parser.at != text.length()) {
            throw new MalformedException("text after the JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) value;
        return object;
    }

    private Object value(int depth) throws MalformedException {
        if (depth > MAX_DEPTH) {
            throw new MalformedException("JSON nested too deeply");
        }
        skipSpace();
        if (at >= text.length()) {
            throw new MalformedException("JSON ends early");
        }
        char c = text.charAt(at);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> integer();
        };
    }

    private Map<String, Object> object(int depth) throws MalformedException {
        Map<String, Object> out = new LinkedHashMap<>();
        at++;
        skipSpace();
        if (peek('}')) {
            at++;
            return out;
        }
        while (true) {
            skipSpace();
            if (!peek('"')) {
                throw new MalformedException("JSON object key is not a string");
            }
            String key = string();
            skipSpace();
            expect(':');
            if (out.put(key, value(depth + 1)) != null || out.size() > 1024) {
                throw new MalformedException("JSON object repeats a key or has too many");
            }
            skipSpace();
            if (peek(',')) {
                at++;
            } else {
                expect('}');
                return out;
            }
        }
    }

    private List<Object> array(int depth) throws MalformedException {
        List<Object> out = new ArrayList<>();
        at++;
        skipSpace();
        if (peek(']')) {
            at++;
            return out;
        }
        while (true) {
            out.add(value(depth + 1));
            skipSpace();
            if (peek(',')) {
                at++;
            } else {
                expect(']');
                return out;
            }
        }
    }

    private String string() throws MalformedException {
        at++;
        StringBuilder out = new StringBuilder();
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw new MalformedException("control character in a JSON string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (at >= text.length()) {
                break;
            }
            char e = text.charAt(at++);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw new MalformedException("short \\u escape in a JSON string");
                    }
                    int code = 0;
                    for (int i = 0; i < 4; i++) {
                        int digit = Character.digit(text.charAt(at++), 16);
                        if (digit < 0) {
                            throw new MalformedException("bad \\u escape in a JSON string");
                        }
                        code = code * 16 + digit;
                    }
                    out.append((char) code);
                }
                default -> throw new MalformedException("bad escape in a JSON string");
            }
        }
        throw new MalformedException("unterminated JSON string");
    }

    private Long integer() throws MalformedException {
        int start = at;
        if (peek('-')) {
            at++;
        }
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        int digits = at - start - (text.charAt(start) == '-' ? 1 : 0);
        if (digits < 1 || digits > 18) {
            throw new MalformedException("not a JSON value this protocol uses");
        }
        return Long.parseLong(text, start, at, 10);
    }

    private Object literal(String word, Object value) throws MalformedException {
        if (!text.startsWith(word, at)) {
            throw new MalformedException("not a JSON value");
        }
        at += word.length();
        return value;
    }

    private boolean peek(char c) {
        return at < text.length() && text.charAt(at) == c;
    }

    private void expect(char c) throws MalformedException {
        if (!peek(c)) {
            throw new MalformedException("JSON is missing '" + c + "'");
        }
        at++;
    }

    private void skipSpace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }

    /** {@code value} (a Map, List, String, Number, Boolean or null) as JSON text. */
    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case String s -> quote(s, out);
            case Boolean b -> out.append(b);
            case Integer i -> out.append(i);
            case Long l -> out.append(l);
            case Map<?, ?> map -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    quote((String) entry.getKey(), out);
                    out.append(':');
                    write(entry.getValue(), out);
                }
                out.append('}');
            }
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(list.get(i), out);
                }
                out.append(']');
            }
            default -> throw new IllegalArgumentException("no JSON form for a " + value.getClass().getSimpleName());
        }
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        // Surrogates escaped too: a lone one (cut stdin) must not become '?' in UTF-8.
                        out.append("\\u");
                        for (int shift = 12; shift >= 0; shift -= 4) {
                            out.append(Character.forDigit((c >> shift) & 0xf, 16));
                        }
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
