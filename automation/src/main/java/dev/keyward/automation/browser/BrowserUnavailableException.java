package dev.keyward.automation.browser;

import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.ErrorKind;
import dev.keyward.vault.VaultException;

/** No usable Chromium or Chrome was found, or the one found would not start. */
public final class BrowserUnavailableException extends VaultException {

    public BrowserUnavailableException(String message) {
        super(message);
    }

    public BrowserUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public BrowserUnavailableException(ErrorKind kind, ErrorFacts facts) {
        super(kind, facts, null);
    }

    public BrowserUnavailableException(ErrorKind kind, ErrorFacts facts, Throwable cause) {
        super(kind, facts, cause);
    }

    @Override
    public int exitCode() {
        return 1;
    }
}
