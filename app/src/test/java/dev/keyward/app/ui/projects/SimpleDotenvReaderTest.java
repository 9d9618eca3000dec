package dev.keyward.app.ui.projects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keyward.vault.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimpleDotenvReaderTest {

    private static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        new SimpleDotenvReader().parse(text.toCharArray()).forEach((k, v) -> out.put(k, new String(v)));
        return out;
    }

    @Test
    void readsPlainQuotedAndExportedVariablesInFileOrder() {
        Map<String, String> env = parse("""
                # comment
                B=plain value  # trailing comment
                export A="double \\"quoted\\"\\nline"
                C='single $NOT_EXPANDED'
                D=

                E=x#not-a-comment\r
                """);
        assertEquals(List.of("B", "A", "C", "D", "E"), List.copyOf(env.keySet()));
        assertEquals("plain value", env.get("B"));
        assertEquals("double \"quoted\"\nline", env.get("A"));
        assertEquals("single $NOT_EXPANDED", env.get("C"));
        assertEquals("", env.get("D"));
        assertEquals("x#not-a-comment", env.get("E"));
    }

    @Test
    void aLineWithoutEqualsSignNamesItsLine() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> parse("A=1\nNOT A LINE\n"));
        assertEquals("Line 2 of the .env file is not NAME=value; nothing was imported.", e.getMessage());
    }

    @Test
    void anUnclosedQuoteIsRefusedWithoutEchoingTheValue() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> parse("A=\"secret-value\n"));
        assertEquals("Line 1 of the .env file has an unclosed quote; nothing was imported.", e.getMessage());
    }
}
