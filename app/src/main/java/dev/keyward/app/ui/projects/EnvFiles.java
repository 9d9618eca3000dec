package dev.keyward.app.ui.projects;

import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.io.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Reads a .env file into a wipeable {@code char[]} and writes a project's variables to one,
 * atomically and readable by the owner only. Neither side builds a String of a value.
 */
public final class EnvFiles {

    private EnvFiles() {
    }

    /** The file's text as UTF-8; the caller wipes it. */
    public static char[] read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            CharBuffer decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            char[] out = Arrays.copyOfRange(decoded.array(), decoded.position(), decoded.limit());
            Arrays.fill(decoded.array(), '\0');
            return out;
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(file.getFileName() + " is not UTF-8 text; nothing was imported.");
        } finally {
            Wipe.bytes(bytes);
        }
    }

    /** Writes {@code env} as {@code NAME="value"} lines to {@code file} (mode 0600, atomic). */
    public static void write(Path file, Map<String, char[]> env) throws IOException {
        char[] text = render(env);
        byte[] bytes = null;
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(text));
            bytes = Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
            Arrays.fill(encoded.array(), (byte) 0);
            AtomicFiles.write(file, bytes);
        } finally {
            Wipe.chars(text);
            if (bytes != null) {
                Wipe.bytes(bytes);
            }
        }
    }

    /** The .env text: each value double-quoted with {@code \ " $} and line breaks escaped. */
    static char[] render(Map<String, char[]> env) {
        int size = 0;
        for (Map.Entry<String, char[]> e : env.entrySet()) {
            size += e.getKey().length() + 4 + 2 * e.getValue().length;
        }
        char[] buf = new char[size];
        int n = 0;
        for (Map.Entry<String, char[]> e : env.entrySet()) {
            for (char c : e.getKey().toCharArray()) {
                buf[n++] = c;
            }
            buf[n++] = '=';
            buf[n++] = '"';
            for (char c : e.getValue()) {
                switch (c) {
                    case '\\', '"', '$' -> {
                        buf[n++] = '\\';
                        buf[n++] = c;
                    }
                    case '\n' -> {
                        buf[n++] = '\\';
                        buf[n++] = 'n';
                    }
                    case '\r' -> {
                        buf[n++] = '\\';
                        buf[n++] = 'r';
                    }
                    default -> buf[n++] = c;
                }
            }
            buf[n++] = '"';
            buf[n++] = '\n';
        }
        char[] out = Arrays.copyOf(buf, n);
        Arrays.fill(buf, '\0');
        return out;
    }
}
