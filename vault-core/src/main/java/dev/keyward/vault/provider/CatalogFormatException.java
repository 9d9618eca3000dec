package dev.keyward.vault.provider;

/** The provider catalog JSON is malformed; the message names the provider and field. */
public final class CatalogFormatException extends RuntimeException {

    CatalogFormatException(String message) {
        super(message);
    }
}
