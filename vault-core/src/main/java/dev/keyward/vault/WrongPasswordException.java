package dev.keyward.vault;

/** The password (or recovery code) did not unlock the profile. */
public final class WrongPasswordException extends VaultException {

    public WrongPasswordException(String message) {
        super(message);
    }

    public WrongPasswordException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return 3;
    }
}
