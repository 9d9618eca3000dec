package dev.keyward.vault;

/** Data on disk is damaged or was tampered with. */
public final class VaultDamagedException extends VaultException {

    public VaultDamagedException(String message) {
        super(message);
    }

    public VaultDamagedException(String message, Throwable cause) {
        super(message, cause);
    }

    public VaultDamagedException(ErrorKind kind, ErrorFacts facts) {
        super(kind, facts, null);
    }

    public VaultDamagedException(ErrorKind kind, ErrorFacts facts, Throwable cause) {
        super(kind, facts, cause);
    }

    @Override
    public int exitCode() {
        return 5;
    }
}
