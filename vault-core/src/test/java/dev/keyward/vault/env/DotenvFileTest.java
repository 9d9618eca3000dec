package dev.keyward.vault.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keyward.vault.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotenvFileTest {

    @TempDir
    Path dir;

    private Path file(byte[] bytes) throws IOException {
        return Files.write(dir.resolve("app.env"), bytes);
    }

    private Path file(String text) throws IOException {
        return file(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void emptyValuesAreReadAsEmpty() throws IOException {
        try (DotenvFile.Contents c = DotenvFile.read(file("EMPTY=\nQUOTED=\"\"\nCOMMENT= # nothing\nA=1\n"))) {
            assertEquals(List.of("EMPTY", "QUOTED", "COMMENT", "A"), List.copyOf(c.values().keySet()));
            assertEquals(0, c.values().get("EMPTY").length);
            assertEquals(0, c.values().get("QUOTED").length);
            assertEquals(0, c.values().get("COMMENT").length);
        }
    }

    @Test
    void invalidUtf8IsRefusedWithItsLineInsteadOfBeingReplaced() throws IOException {
        byte[] bytes = {'A', '=', '1', '\n', 'B', '=', 'x', (byte) 0xC3, '(', '\n'};
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DotenvFile.read(file(bytes)));
        assertEquals("app.env, line 2: it is not valid UTF-8 text (save the file as UTF-8). Nothing was imported.",
                e.getMessage());
    }

    @Test
    void aNulCharacterIsRefusedWithItsLine() throws IOException {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> DotenvFile.read(file("A=1\nB=2\nC=x\0y\n")));
        assertEquals("app.env, line 3: it holds a NUL character, which no environment variable can hold."
                + " Nothing was imported.", e.getMessage());
    }

    @Test
    void anOverlongLineIsRefusedWithItsLine() throws IOException {
        String longLine = "B=" + "x".repeat(DotenvFile.MAX_LINE_BYTES);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> DotenvFile.read(file("A=1\n" + longLine + "\n")));
        assertEquals("app.env, line 2: the line is longer than 64 KiB. Nothing was imported.", e.getMessage());
    }

    @Test
    void repeatedKeysAreReportedWithTheirLinesAndTheLastValueIsKeptAsDotenvDoes() throws IOException {
        try (DotenvFile.Contents c = DotenvFile.read(file("A=first\nB=1\nA=second\n# A=comment\nA=third\n"))) {
            assertEquals("third", new String(c.values().get("A")));
            assertEquals(Map.of("A", List.of(1, 3, 5)), c.repeatedKeys());
        }
    }

    @Test
    void aMalformedLineIsRefusedWithItsLineAndNoValue() throws IOException {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> DotenvFile.read(file("A=1\nNOT A LINE secret-value\n")));
        assertEquals(true, e.getMessage().startsWith("app.env, line 2: "), e.getMessage());
        assertEquals(false, e.getMessage().contains("secret-value"));
    }

    @Test
    void valuesAreWipedOnClose() throws IOException {
        DotenvFile.Contents c = DotenvFile.read(file("A=secret\n"));
        char[] value = c.values().get("A");
        c.close();
        assertEquals("\0\0\0\0\0\0", new String(value));
    }
}
