package dev.keyward.vault;

/** An operation failed for a reason other than bad input, a wrong password or damage. */
public final class OperationFailedException extends VaultException {

    public OperationFailedException(String message) {
        super(message);
    }

    public OperationFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return 1;
    }
}
