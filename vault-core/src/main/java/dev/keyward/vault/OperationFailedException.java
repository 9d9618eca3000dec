package dev.keyward.vault;

/** An operation failed for a reason other than bad input, a wrong password or damage. */
public final class OperationFailedException extends VaultException {

    public OperationFailedException(String message) {
        super(message);
    }

    public OperationFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    public OperationFailedException(ErrorKind kind, ErrorFacts facts) {
        super(kind, facts, null);
    }

    public OperationFailedException(ErrorKind kind, ErrorFacts facts, Throwable cause) {
        super(kind, facts, cause);
    }

    @Override
    public int exitCode() {
        return 1;
    }
}
