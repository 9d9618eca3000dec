package dev.keyward.automation.browser;

import dev.keyward.vault.VaultException;

/** No usable Chromium or Chrome was found, or the one found would not start; the message says what to install or set. */
public final class BrowserUnavailableException extends VaultException {

    public BrowserUnavailableException(String message) {
        super(message);
    }

    public BrowserUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return 1;
    }
}
