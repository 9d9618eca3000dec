package dev.keyward.automation.dashboard.refresh;

/** Reads a key's value out of the vault for one collection; the app implements it over the unlocked session. */
@FunctionalInterface
public interface SecretValueReader {

    /**
     * A fresh copy of the secret's value, which the caller wipes after use.
     *
     * @throws RuntimeException when the value cannot be read (vault locked, secret deleted); the refresher
     *                          reports that as a failed collection without quoting the exception
     */
    char[] readValue(String secretId);
}
