package dev.keyward.vault.env;

import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.io.UserFiles;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code .env} file for import, the one way the CLI and the desktop both read it: a
 * regular file of at most 16 MiB and lines of at most 64 KiB, strict UTF-8, no NUL character,
 * parsed by {@link DotenvParser}. Anything else is refused whole with the line it is on.
 *
 * <p>Invalid UTF-8 is refused rather than replaced, so a stored value is never different from the
 * file; a NUL is refused because no environment variable can hold one (the child of
 * {@code keyward run} would get a cut value).
 */
public final class DotenvFile {

    /** The largest file read. */
    public static final long MAX_BYTES = UserFiles.TEXT_LIMIT;
    /** The longest line read, in bytes; a multi-line quoted value may span many such lines. */
    public static final int MAX_LINE_BYTES = 64 * 1024;

    private DotenvFile() {
    }

    /**
     * What a {@code .env} file holds: each key's value (dotenv's choice for a repeated key: the
     * last definition), in order of first appearance, and the keys defined more than once. The
     * values are {@code char[]} that {@link #close} wipes.
     */
    public record Contents(Map<String, char[]> values, Map<String, List<Integer>> repeatedKeys) implements AutoCloseable {

        @Override
        public void close() {
            values.values().forEach(Wipe::chars);
        }
    }

    /** Reads and parses {@code file}; see the class comment for what is refused. */
    public static Contents read(Path file) {
        char[] text = readText(file);
        try {
            return parse(text, file.getFileName().toString());
        } finally {
            Wipe.chars(text);
        }
    }

    /** The text of {@code file}, bounded and strictly decoded; the caller wipes it. */
    public static char[] readText(Path file) {
        byte[] raw = UserFiles.read(file, MAX_BYTES);
        try {
            String name = file.getFileName().toString();
            checkLines(raw, name);
            return decode(raw, name);
        } finally {
            Wipe.bytes(raw);
        }
    }

    /**
     * The text of a {@code .env} file's bytes, checked as {@link #readText} checks a file ({@code name}
     * is for messages); the caller wipes it.
     */
    public static char[] decodeText(byte[] raw, String name) {
        checkLines(raw, name);
        return decode(raw, name);
    }

    /** Parses UTF-8 bytes of a {@code .env} file named {@code name} (for messages). */
    public static Contents parse(byte[] raw, String name) {
        checkLines(raw, name);
        char[] text = decode(raw, name);
        try {
            return parse(text, name);
        } finally {
            Wipe.chars(text);
        }
    }

    /** Parses {@code .env} text named {@code name} (for messages); the caller wipes {@code text}. */
    public static Contents parse(char[] text, String name) {
        for (int i = 0, line = 1; i < text.length; i++) {
            if (text[i] == '\n') {
                line++;
            } else if (text[i] == '\0') {
                throw refused(name, line, "it holds a NUL character, which no environment variable can hold");
            }
        }
        try {
            DotenvParser.Parsed parsed = DotenvParser.parseToChars(CharBuffer.wrap(text));
            return new Contents(parsed.values(), parsed.repeatedKeys());
        } catch (DotenvSyntaxException e) {
            throw refused(name, e.line(), e.reason());
        }
    }

    private static void checkLines(byte[] raw, String name) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= raw.length; i++) {
            if (i == raw.length || raw[i] == '\n') {
                if (i - start > MAX_LINE_BYTES) {
                    throw refused(name, line, "the line is longer than " + UserFiles.describe(MAX_LINE_BYTES));
                }
                line++;
                start = i + 1;
            }
        }
    }

    /** Strict UTF-8: the first invalid byte sequence is refused with its line. */
    private static char[] decode(byte[] raw, String name) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(raw);
        CharBuffer out = CharBuffer.allocate(raw.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (raw[i] == '\n') {
                    line++;
                }
            }
            Arrays.fill(out.array(), '\0');
            throw refused(name, line, "it is not valid UTF-8 text (save the file as UTF-8)");
        }
        decoder.flush(out);
        char[] text = Arrays.copyOf(out.array(), out.position());
        Arrays.fill(out.array(), '\0');
        return text;
    }

    private static InvalidInputException refused(String name, int line, String reason) {
        return new InvalidInputException(name + ", line " + line + ": " + reason + ". Nothing was imported.");
    }
}
