package dev.keyward.vault.crypto;

import dev.keyward.vault.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * UTF-8 between wipeable {@code char[]} and {@code byte[]} for secret text, strictly: a lone
 * surrogate or a malformed byte sequence is refused (never turned into '?' or U+FFFD), and no
 * grown or intermediate buffer is left holding a copy.
 */
public final class StrictUtf8 {

    private StrictUtf8() {
    }

    /**
     * The UTF-8 bytes of {@code text} in an array of exactly their length; the caller wipes it.
     *
     * @throws InvalidInputException when the text holds a lone surrogate
     */
    public static byte[] encode(char[] text) {
        byte[] out = new byte[encodedLength(text)];
        int o = 0;
        for (int i = 0; i < text.length; i++) {
            char c = text[i];
            if (c < 0x80) {
                out[o++] = (byte) c;
            } else if (c < 0x800) {
                out[o++] = (byte) (0xC0 | c >> 6);
                out[o++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c)) {
                int cp = Character.toCodePoint(c, text[++i]);
                out[o++] = (byte) (0xF0 | cp >> 18);
                out[o++] = (byte) (0x80 | cp >> 12 & 0x3F);
                out[o++] = (byte) (0x80 | cp >> 6 & 0x3F);
                out[o++] = (byte) (0x80 | cp & 0x3F);
            } else {
                out[o++] = (byte) (0xE0 | c >> 12);
                out[o++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[o++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return out;
    }

    private static int encodedLength(char[] text) {
        int length = 0;
        for (int i = 0; i < text.length; i++) {
            char c = text[i];
            if (c < 0x80) {
                length += 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length && Character.isLowSurrogate(text[i + 1])) {
                length += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidInputException("The text holds a lone surrogate (half of a character), which UTF-8"
                        + " cannot hold; nothing was written.");
            } else {
                length += 3;
            }
        }
        return length;
    }

    /**
     * The characters of the first {@code length} bytes of {@code raw}, in an array of exactly their
     * count; the caller wipes it. {@code raw} is left as it is.
     *
     * @throws InvalidInputException when the bytes are not valid UTF-8
     */
    public static char[] decode(byte[] raw, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // UTF-8 never decodes to more chars than it has bytes: one buffer, sized once, wiped after.
        char[] buffer = new char[length];
        try {
            CharBuffer out = CharBuffer.wrap(buffer);
            CoderResult result = decoder.decode(ByteBuffer.wrap(raw, 0, length), out, true);
            if (result.isError()) {
                throw new InvalidInputException("The text is not valid UTF-8; nothing was read.");
            }
            result = decoder.flush(out);
            if (result.isError()) {
                throw new InvalidInputException("The text is not valid UTF-8; nothing was read.");
            }
            return Arrays.copyOf(buffer, out.position());
        } finally {
            Arrays.fill(buffer, '\0');
        }
    }
}
