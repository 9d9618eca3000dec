package dev.keyward.vault;

/** Input the user gave was refused; nothing was changed. */
public final class InvalidInputException extends VaultException {

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }

    public InvalidInputException(ErrorKind kind, ErrorFacts facts) {
        super(kind, facts, null);
    }

    public InvalidInputException(ErrorKind kind, ErrorFacts facts, Throwable cause) {
        super(kind, facts, cause);
    }

    @Override
    public int exitCode() {
        return 2;
    }
}
