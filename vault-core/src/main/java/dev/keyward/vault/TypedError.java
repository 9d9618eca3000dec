package dev.keyward.vault;

/**
 * An error that states its kind, facts and remedy as data, for a front end to put into words.
 * {@link VaultException} and the errors of other modules that are not vault errors implement it.
 */
public interface TypedError {

    ErrorKind kind();

    ErrorFacts facts();

    Remedy remedy();
}
