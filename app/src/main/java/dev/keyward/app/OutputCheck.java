package dev.keyward.app;

import dev.keyward.app.cli.ErrorReport;
import java.io.PrintStream;

/**
 * The exit code after standard output was written: 1 when it refused what was written (a full disk, a
 * closed pipe), so a script writing a .env file never gets an empty file and success.
 */
public final class OutputCheck {

    private OutputCheck() {
    }

    /** {@code code}, or an error code when {@code out} failed ({@code checkError} flushes first). */
    public static int exitCode(int code, PrintStream out, PrintStream err) {
        if (!out.checkError()) {
            return code;
        }
        err.println("keyward: the output could not be written (the disk may be full or the reader has gone);"
                + " what was printed is incomplete.");
        // Compile-time constants: the fast path loads no error-wording class for them.
        return code == ErrorReport.OK ? ErrorReport.ERROR : code;
    }
}
