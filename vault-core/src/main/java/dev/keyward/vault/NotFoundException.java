package dev.keyward.vault;

/** Something the user named does not exist. */
public final class NotFoundException extends VaultException {

    public NotFoundException(String message) {
        super(message);
    }

    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }

    public NotFoundException(ErrorKind kind, ErrorFacts facts) {
        super(kind, facts, null);
    }

    public NotFoundException(ErrorKind kind, ErrorFacts facts, Throwable cause) {
        super(kind, facts, cause);
    }

    @Override
    public int exitCode() {
        return 4;
    }
}
