package dev.keyward.automation.program;

import dev.keyward.automation.error.AutomationErrorKind;
import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.ErrorKind;
import dev.keyward.vault.Fact;
import dev.keyward.vault.Remedy;
import dev.keyward.vault.TypedError;

/** A placeholder could not be resolved at run time; the message names it but never holds a value. */
public class PlaceholderResolutionException extends RuntimeException implements TypedError {

    public PlaceholderResolutionException(String message) {
        super(message);
    }

    @Override
    public ErrorKind kind() {
        return AutomationErrorKind.PLACEHOLDER_UNRESOLVED;
    }

    @Override
    public ErrorFacts facts() {
        return ErrorFacts.of(Fact.DETAIL, getMessage());
    }

    @Override
    public Remedy remedy() {
        return kind().remedy();
    }
}
