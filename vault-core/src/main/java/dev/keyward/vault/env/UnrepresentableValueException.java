package dev.keyward.vault.env;

/**
 * A key or value cannot be written to a {@code .env} file in a form dotenv reads back unchanged.
 *
 * <p>The message names the key and the reason, never the value.
 */
public final class UnrepresentableValueException extends Exception {

    private final String key;

    UnrepresentableValueException(String key, String reason) {
        super(reason);
        this.key = key;
    }

    /** The key whose entry could not be written. */
    public String key() {
        return key;
    }
}
