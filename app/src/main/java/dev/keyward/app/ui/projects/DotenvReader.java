package dev.keyward.app.ui.projects;

import dev.keyward.vault.env.DotenvFile;

/**
 * Parses the text of a {@code .env} file into its variables, in file order, and the keys it
 * defines more than once. The values are fresh {@code char[]} the caller wipes. The desktop uses {@link #standard()}, the same parser
 * as the command line ({@link DotenvFile}).
 */
@FunctionalInterface
public interface DotenvReader {

    /** The variables of {@code text}; throws an {@code InvalidInputException} naming the bad line. */
    DotenvFile.Contents parse(char[] text);

    /** vault-core's parser: exactly what dotenv reads, a malformed file refused whole. */
    static DotenvReader standard() {
        return text -> DotenvFile.parse(text, "The .env file");
    }
}
