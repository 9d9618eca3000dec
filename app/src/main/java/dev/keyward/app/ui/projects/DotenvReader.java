package dev.keyward.app.ui.projects;

import java.util.Map;

/**
 * Parses the text of a {@code .env} file into its variables, in file order. The values are
 * fresh {@code char[]} the caller wipes. The composition root can swap in vault-core's full
 * parser; {@link #simple()} covers the common forms.
 */
@FunctionalInterface
public interface DotenvReader {

    /** The variables of {@code text}; throws an {@code InvalidInputException} naming the bad line. */
    Map<String, char[]> parse(char[] text);

    static DotenvReader simple() {
        return new SimpleDotenvReader();
    }
}
