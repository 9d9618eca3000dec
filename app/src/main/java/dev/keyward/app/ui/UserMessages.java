package dev.keyward.app.ui;

import dev.keyward.vault.VaultException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The one place that turns an error into the sentence a user reads; never a stack trace. */
public final class UserMessages {

    private static final System.Logger LOG = System.getLogger(UserMessages.class.getName());

    private UserMessages() {
    }

    public static String describe(Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof VaultException v) {
            return v.getMessage();
        }
        if (e instanceof NoSuchFileException f) {
            return "The file " + f.getFile() + " does not exist.";
        }
        if (e instanceof AccessDeniedException f) {
            return "Keyward may not read or write " + f.getFile() + "; check its permissions.";
        }
        if (e instanceof IOException) {
            return "A file could not be read or written (" + e.getClass().getSimpleName() + "); nothing was changed.";
        }
        // Unexpected: the class and stack go to the log (vault messages never hold secret values).
        LOG.log(System.Logger.Level.ERROR, "Unexpected error in the desktop app", e);
        return "Something went wrong (" + e.getClass().getSimpleName() + "). The details are in the log.";
    }

    /** The error a background task really failed with. */
    public static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof ExecutionException || e instanceof CompletionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
