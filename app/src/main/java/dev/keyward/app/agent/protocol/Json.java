package dev.keyward.app.agent.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small, strict JSON the agent protocol uses: objects, arrays, strings, integers, booleans and
 * null, nested at most {@value #MAX_DEPTH} deep. Hand-written rather than Jackson so the command
 * line's fast path loads a few classes instead of a library. Fractions, exponents, duplicate keys,
 * trailing text and unpaired surrogates are refused.
 */
public final class Json {

    static final int MAX_DEPTH = 8;

    private final String text;
    private int at;

    private Json(String text) {
        this.text = text;
    }

    /** The object {@code text} holds; anything else, or anything after it, is refused. */
    public static Map<String, Object> parseObject(String text) throws BadFrameException {
        Json json = new Json(text);
        json.space();
        if (json.peek() != '{') {
            throw new BadFrameException("a frame holds one JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) json.value(0);
        json.space();
        if (json.at != text.length()) {
            throw new BadFrameException("a frame holds one JSON object and nothing after it");
        }
        return object;
    }

    /** {@code object} as compact JSON; values are the types {@link #parseObject} returns (and ints). */
    public static String write(Map<String, ?> object) {
        StringBuilder out = new StringBuilder(64);
        writeValue(out, object);
        return out.toString();
    }

    private Object value(int depth) throws BadFrameException {
        if (depth > MAX_DEPTH) {
            throw new BadFrameException("JSON nested too deep");
        }
        space();
        char c = peek();
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                literal("true");
                return Boolean.TRUE;
            case 'f':
                literal("false");
                return Boolean.FALSE;
            case 'n':
                literal("null");
                return null;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw new BadFrameException("not JSON");
        }
    }

    private Map<String, Object> object(int depth) throws BadFrameException {
        at++;
        Map<String, Object> out = new LinkedHashMap<>();
        space();
        if (peek() == '}') {
            at++;
            return out;
        }
        while (true) {
            space();
            if (peek() != '"') {
                throw new BadFrameException("a JSON key must be a string");
            }
            String key = string();
            space();
            expect(':');
            Object value = value(depth + 1);
            if (out.containsKey(key)) {
                throw new BadFrameException("a JSON key appears twice");
            }
            out.put(key, value);
            space();
            char c = next();
            if (c == '}') {
                return out;
            }
            if (c != ',') {
                throw new BadFrameException("not JSON");
            }
        }
    }

    private List<Object> array(int depth) throws BadFrameException {
        at++;
        List<Object> out = new ArrayList<>();
        space();
        if (peek() == ']') {
            at++;
            return out;
        }
        while (true) {
            out.add(value(depth + 1));
            space();
            char c = next();
            if (c == ']') {
                return Collections.unmodifiableList(out);
            }
            if (c != ',') {
                throw new BadFrameException("not JSON");
            }
        }
    }

    private String string() throws BadFrameException {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                break;
            }
            if (c < 0x20) {
                throw new BadFrameException("a control character in a JSON string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(hex4());
                default -> throw new BadFrameException("a bad escape in a JSON string");
            }
        }
        String s = out.toString();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    throw new BadFrameException("an unpaired surrogate in a JSON string");
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                throw new BadFrameException("an unpaired surrogate in a JSON string");
            }
        }
        return s;
    }

    private char hex4() throws BadFrameException {
        if (at + 4 > text.length()) {
            throw new BadFrameException("a bad escape in a JSON string");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(at++), 16);
            if (d < 0) {
                throw new BadFrameException("a bad escape in a JSON string");
            }
            v = v * 16 + d;
        }
        return (char) v;
    }

    private Long number() throws BadFrameException {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        int digits = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        int count = at - digits;
        if (count == 0 || (count > 1 && text.charAt(digits) == '0')) {
            throw new BadFrameException("not a JSON integer");
        }
        if (at < text.length() && (text.charAt(at) == '.' || text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
            throw new BadFrameException("the protocol's numbers are integers");
        }
        try {
            return Long.parseLong(text, start, at, 10);
        } catch (NumberFormatException e) {
            throw new BadFrameException("an integer out of range");
        }
    }

    private void literal(String word) throws BadFrameException {
        if (!text.startsWith(word, at)) {
            throw new BadFrameException("not JSON");
        }
        at += word.length();
    }

    private void expect(char c) throws BadFrameException {
        if (next() != c) {
            throw new BadFrameException("not JSON");
        }
    }

    private char peek() throws BadFrameException {
        if (at >= text.length()) {
            throw new BadFrameException("JSON ends early");
        }
        return text.charAt(at);
    }

    private char next() throws BadFrameException {
        char c = peek();
        at++;
        return c;
    }

    private void space() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }

    private static void writeValue(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            writeString(out, s);
        } else if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeString(out, (String) e.getKey());
                out.append(':');
                writeValue(out, e.getValue());
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                writeValue(out, list.get(i));
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("not a protocol value: " + value.getClass().getSimpleName());
        }
    }

    private static void writeString(StringBuilder out, String s) {
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
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isSurrogate(c) && !validPair(s, i)) {
                        out.append('\ufffd'); // what a UTF-8 encoder would write; the reader refuses a lone half
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** True when the surrogate at {@code i} is half of a valid pair (so it may be written as UTF-8). */
    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
