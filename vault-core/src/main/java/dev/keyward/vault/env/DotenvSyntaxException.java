package dev.keyward.vault.env;

/**
 * A {@code .env} file was refused because one of its lines is malformed; nothing from the file
 * was taken.
 *
 * <p>The message names the 1-based line and says what is wrong, never what the line contains,
 * because the line may hold a secret.
 */
public final class DotenvSyntaxException extends Exception {

    private final int line;
    private final int column;
    private final String reason;

    DotenvSyntaxException(int line, String reason) {
        this(line, 0, reason);
    }

    DotenvSyntaxException(int line, int column, String reason) {
        super("line " + line + ": " + reason);
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /**
     * The 1-based column (in characters) where the malformed definition starts on {@link #line()}, or 0
     * when it is not known.
     */
    public int column() {
        return column;
    }

    /** The 1-based line the problem was found on. */
    public int line() {
        return line;
    }

    /** The sentence that says what is wrong, without the line number. */
    public String reason() {
        return reason;
    }
}
