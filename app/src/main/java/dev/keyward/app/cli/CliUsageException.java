package dev.keyward.app.cli;

import dev.keyward.vault.VaultException;

/** The command was used wrongly or lacked input it needs (exit 2). */
public final class CliUsageException extends VaultException {

    public CliUsageException(String message) {
        super(message);
    }

    @Override
    public int exitCode() {
        return 2;
    }
}
