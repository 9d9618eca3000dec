package dev.keyward.app.cli;

import dev.keyward.vault.OperationFailedException;
import java.io.PrintStream;

/**
 * Writes a value to standard output and makes sure it arrived: a {@link PrintStream} swallows a
 * closed pipe or a full disk, and a script must not take a half-written value for a whole one.
 */
final class CheckedOutput {

    private CheckedOutput() {
    }

    /** Writes and flushes {@code bytes}, or throws when the stream reported a failure. */
    static void write(PrintStream out, byte[] bytes) {
        out.write(bytes, 0, bytes.length);
        out.flush();
        if (out.checkError()) {
            throw new OperationFailedException("The value could not be written to standard output"
                    + " (it was closed or is full); what arrived is incomplete.");
        }
    }
}
