package dev.keyward.vault;

/** Input the user gave was refused; nothing was changed. */
public final class InvalidInputException extends VaultException {

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return 2;
    }
}
