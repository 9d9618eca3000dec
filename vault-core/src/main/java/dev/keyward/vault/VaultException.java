package dev.keyward.vault;

/**
 * Base of every error Keyward reports to a user: its message is one sentence that says what
 * happened and what to do, and never holds a secret value.
 */
public abstract class VaultException extends RuntimeException {

    protected VaultException(String message) {
        super(message);
    }

    protected VaultException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The process exit code the CLI uses for this kind of error (DESIGN section 8). */
    public abstract int exitCode();
}
