package dev.keyward.automation.dashboard.scrape;

/**
 * Reads a provider console's sign-in from the vault: the secrets {@code <slug>-username} and
 * {@code <slug>-password} (see {@link dev.keyward.automation.dashboard.store.LoginSecrets}).
 */
@FunctionalInterface
public interface ScrapeCredentials {

    /** A fresh copy of the secret's value that the caller wipes, or null when there is no such secret. */
    char[] read(String secretName);
}
