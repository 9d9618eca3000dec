package dev.keyward.app.error;

/**
 * An error as the command line reports it: the sentence, a hint that may name a command, and
 * the exit code scripts see.
 */
public record CliMessage(String sentence, String hint, int exitCode) {

    /** The sentence and the hint as the one line the CLI prints after {@code keyward: }. */
    public String text() {
        return hint.isEmpty() ? sentence : sentence + " " + hint;
    }
}
