package dev.keyward.vault;

/** The password (or recovery code) did not unlock the profile. */
public final class WrongPasswordException extends VaultException {

    public WrongPasswordException(String message) {
        super(message);
    }

    public WrongPasswordException(String message, Throwable cause) {
        super(message, cause);
    }

    public WrongPasswordException(ErrorKind kind, ErrorFacts facts) {
        super(kind, facts, null);
    }

    public WrongPasswordException(ErrorKind kind, ErrorFacts facts, Throwable cause) {
        super(kind, facts, cause);
    }

    @Override
    public int exitCode() {
        return 3;
    }
}
