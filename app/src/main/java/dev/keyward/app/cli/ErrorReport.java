package dev.keyward.app.cli;

import dev.keyward.vault.VaultException;
import java.io.PrintStream;
import org.flywaydb.core.api.FlywayException;

/**
 * The one place that turns an error into what the user reads and the exit code scripts see
 * (DESIGN section 8). Users get a sentence, never a stack trace.
 */
public final class ErrorReport {

    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int USAGE = 2;

    private ErrorReport() {
    }

    public static int report(Throwable e, PrintStream err) {
        if (e instanceof VaultException v) {
            err.println("keyward: " + v.getMessage());
            return v.exitCode();
        }
        if (e instanceof FlywayException) {
            err.println("keyward: the vault's schema could not be updated. Run 'keyward profile verify', "
                    + "or restore from a backup.");
            return 5;
        }
        if (e instanceof OutOfMemoryError) {
            err.println("keyward: out of memory. Close other programs and try again.");
            return ERROR;
        }
        // An unexpected failure: name its kind, but not its message, which might quote input.
        err.println("keyward: an unexpected error stopped the command (" + e.getClass().getSimpleName()
                + "). Nothing was half-written: every change is one transaction. Please report this.");
        return ERROR;
    }
}
