package dev.keyward.automation.program;

import java.util.Optional;

/** Reads a vault secret by name at run time; the vault side implements it. */
@FunctionalInterface
public interface SecretLookup {

    /**
     * The secret's value as a fresh array the caller owns and wipes, or empty when no secret has that name.
     */
    Optional<char[]> find(String name);
}
