package dev.keyward.app.cli;

import dev.keyward.app.error.CliMessage;
import dev.keyward.app.error.ErrorWording;
import java.io.PrintStream;

/**
 * Prints an error the way the command line reports it (DESIGN section 9): one line, the sentence
 * and hint {@link ErrorWording} words for it, and its exit code. Users get a sentence, never a
 * stack trace.
 */
public final class ErrorReport {

    public static final int OK = ErrorWording.OK;
    public static final int ERROR = ErrorWording.ERROR;
    public static final int USAGE = ErrorWording.USAGE;

    private ErrorReport() {
    }

    public static int report(Throwable e, PrintStream err) {
        CliMessage message = ErrorWording.forCli(e);
        err.println("keyward: " + message.text());
        return message.exitCode();
    }
}
