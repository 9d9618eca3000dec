package dev.keyward.vault.scan;

import dev.keyward.vault.crypto.Wipe;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The byte sequences under which one value may appear in a file or a program's output: as it is
 * (UTF-8, and with CR LF line breaks when it has line breaks), base64 and base64url (padded,
 * unpadded, and inside a longer base64 text at each of the three byte alignments), percent-encoded
 * (upper and lower hex, {@code +} or {@code %20} for a space), as a JSON string's content and as hex
 * (lower and upper). The one owner of "how a value may appear": {@code keyward scan} searches these
 * forms, {@code keyward run} masks them.
 */
public final class ValueForms {

    /** One form: its bytes (the caller wipes them) and how it was made. */
    public record Form(ValueEncoding encoding, byte[] bytes) {
    }

    private static final byte[] LOWER_HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UPPER_HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private ValueForms() {
    }

    /**
     * The distinct non-empty forms of {@code value}, the plain one first; when two encodings give the
     * same bytes the earlier one in this order names it (as is, CRLF, base64, base64url, inside base64,
     * hex, URL-encoded, JSON-escaped). Empty for a value that is not valid UTF-16 (a lone surrogate):
     * nothing writes it as valid UTF-8 either. The caller wipes every form's bytes.
     */
    public static List<Form> of(char[] value) {
        byte[] utf8 = utf8(value);
        if (utf8 == null || utf8.length == 0) {
            return List.of();
        }
        List<Form> forms = new ArrayList<>();
        forms.add(new Form(ValueEncoding.AS_IS, utf8.clone()));
        forms.add(new Form(ValueEncoding.AS_IS_CRLF, crlf(utf8)));
        standalone(utf8, Base64.getEncoder(), ValueEncoding.BASE64, forms);
        standalone(utf8, Base64.getUrlEncoder(), ValueEncoding.BASE64URL, forms);
        inside(utf8, Base64.getEncoder(), ValueEncoding.BASE64_INSIDE, forms);
        inside(utf8, Base64.getUrlEncoder(), ValueEncoding.BASE64URL_INSIDE, forms);
        forms.add(new Form(ValueEncoding.HEX, hex(utf8, LOWER_HEX)));
        forms.add(new Form(ValueEncoding.HEX, hex(utf8, UPPER_HEX)));
        for (byte[] digits : List.of(UPPER_HEX, LOWER_HEX)) {
            forms.add(new Form(ValueEncoding.URL_ENCODED, percent(utf8, digits, false)));
            forms.add(new Form(ValueEncoding.URL_ENCODED, percent(utf8, digits, true)));
        }
        for (boolean escapeSlash : new boolean[] {false, true}) {
            forms.add(new Form(ValueEncoding.JSON_ESCAPED, json(value, escapeSlash, null)));
            forms.add(new Form(ValueEncoding.JSON_ESCAPED, json(value, escapeSlash, LOWER_HEX)));
            forms.add(new Form(ValueEncoding.JSON_ESCAPED, json(value, escapeSlash, UPPER_HEX)));
        }
        Wipe.bytes(utf8);
        List<Form> distinct = new ArrayList<>();
        for (Form form : forms) {
            if (form.bytes().length > 0 && distinct.stream().noneMatch(seen -> Arrays.equals(seen.bytes(), form.bytes()))) {
                distinct.add(form);
            } else {
                Wipe.bytes(form.bytes());
            }
        }
        return distinct;
    }

    /** Wipes the bytes of every form in {@code forms}. */
    public static void wipe(List<Form> forms) {
        forms.forEach(form -> Wipe.bytes(form.bytes()));
    }

    /**
     * {@code utf8} with every {@code \n} written as {@code \r\n}, as a pseudo-terminal passes on a
     * multi-line value (a PEM key) and a Windows editor saves it; the value itself when it has no
     * {@code \n} (dropped as a duplicate). The other forms need no such twin: none holds a raw {@code \n}.
     */
    private static byte[] crlf(byte[] utf8) {
        Bytes out = new Bytes(utf8.length + 16);
        for (byte b : utf8) {
            if (b == '\n') {
                out.write('\r');
            }
            out.write(b);
        }
        return out.drain();
    }

    private static byte[] utf8(char[] value) {
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(value));
            byte[] out = new byte[encoded.remaining()];
            encoded.get(out);
            Wipe.bytes(encoded.array());
            return out;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The value encoded alone, with and without padding. */
    private static void standalone(byte[] utf8, Base64.Encoder encoder, ValueEncoding encoding, List<Form> forms) {
        forms.add(new Form(encoding, encoder.encode(utf8)));
        forms.add(new Form(encoding, encoder.withoutPadding().encode(utf8)));
    }

    /**
     * For each alignment the characters that depend on the value alone: inside a longer text the
     * value's first and last bytes share 6-bit groups with bytes that are not the value's, so those
     * characters differ from text to text.
     */
    private static void inside(byte[] utf8, Base64.Encoder encoder, ValueEncoding encoding, List<Form> forms) {
        for (int before = 0; before < 3; before++) {
            int total = before + utf8.length;
            byte[] framed = new byte[(total + 2) / 3 * 3];
            System.arraycopy(utf8, 0, framed, before, utf8.length);
            byte[] text = encoder.withoutPadding().encode(framed);
            int first = (8 * before + 5) / 6; // the first character whose 6 bits all lie inside the value
            int end = 8 * total / 6;          // one past the last such character
            forms.add(new Form(encoding, Arrays.copyOfRange(text, first, Math.max(first, end))));
            Wipe.bytes(framed, text);
        }
    }

    private static byte[] hex(byte[] utf8, byte[] digits) {
        byte[] out = new byte[utf8.length * 2];
        for (int i = 0; i < utf8.length; i++) {
            out[2 * i] = digits[(utf8[i] >> 4) & 0xF];
            out[2 * i + 1] = digits[utf8[i] & 0xF];
        }
        return out;
    }

    /**
     * Percent-encoding as RFC 3986 components do it ({@code formStyle} false: unreserved characters
     * kept), or as HTML forms and Java's URLEncoder do ({@code *-._} kept, a space as {@code +}).
     */
    private static byte[] percent(byte[] utf8, byte[] digits, boolean formStyle) {
        Bytes out = new Bytes(utf8.length * 3);
        for (byte b : utf8) {
            int c = b & 0xFF;
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (alnum || c == '-' || c == '.' || c == '_' || (formStyle ? c == '*' : c == '~')) {
                out.write(c);
            } else if (formStyle && c == ' ') {
                out.write('+');
            } else {
                out.write('%');
                out.write(digits[c >> 4]);
                out.write(digits[c & 0xF]);
            }
        }
        return out.drain();
    }

    /**
     * The value as the content of a JSON string: quotes, backslashes and control characters escaped,
     * optionally {@code /} too; other characters as UTF-8 ({@code unicodeDigits} null) or, as
     * encoders that keep to ASCII write them, as {@code \\uXXXX} in the given hex case.
     */
    private static byte[] json(char[] value, boolean escapeSlash, byte[] unicodeDigits) {
        Bytes out = new Bytes(value.length + 16);
        byte[] controlDigits = unicodeDigits == null ? LOWER_HEX : unicodeDigits;
        for (int i = 0; i < value.length; i++) {
            char c = value[i];
            switch (c) {
                case '"' -> ascii(out, "\\\"");
                case '\\' -> ascii(out, "\\\\");
                case '\n' -> ascii(out, "\\n");
                case '\r' -> ascii(out, "\\r");
                case '\t' -> ascii(out, "\\t");
                case '\b' -> ascii(out, "\\b");
                case '\f' -> ascii(out, "\\f");
                case '/' -> ascii(out, escapeSlash ? "\\/" : "/");
                default -> {
                    if (c < 0x20 || (c >= 0x80 && unicodeDigits != null)) {
                        unicodeEscape(out, c, c < 0x20 ? controlDigits : unicodeDigits);
                    } else if (c < 0x80) {
                        out.write(c);
                    } else {
                        int end = Character.isHighSurrogate(c) && i + 1 < value.length ? i + 2 : i + 1;
                        byte[] bytes = utf8(Arrays.copyOfRange(value, i, end));
                        if (bytes != null) {
                            out.write(bytes, 0, bytes.length);
                            Wipe.bytes(bytes);
                        }
                        i = end - 1;
                    }
                }
            }
        }
        return out.drain();
    }

    private static void unicodeEscape(Bytes out, char c, byte[] digits) {
        ascii(out, "\\u");
        for (int shift = 12; shift >= 0; shift -= 4) {
            out.write(digits[(c >> shift) & 0xF]);
        }
    }

    private static void ascii(Bytes out, String text) {
        for (int i = 0; i < text.length(); i++) {
            out.write(text.charAt(i));
        }
    }

    /** A growing byte buffer that wipes what it outgrows and what it hands over (it holds a form of a value). */
    private static final class Bytes {
        private byte[] buffer;
        private int size;

        Bytes(int capacity) {
            buffer = new byte[Math.max(16, capacity)];
        }

        void write(int b) {
            if (size == buffer.length) {
                byte[] larger = Arrays.copyOf(buffer, size * 2);
                Wipe.bytes(buffer);
                buffer = larger;
            }
            buffer[size++] = (byte) b;
        }

        void write(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }

        byte[] drain() {
            byte[] out = Arrays.copyOf(buffer, size);
            Wipe.bytes(buffer);
            return out;
        }
    }
}
