package dev.keyward.automation.llm;

import dev.keyward.automation.error.AutomationErrorKind;
import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.ErrorKind;
import dev.keyward.vault.Fact;
import dev.keyward.vault.Remedy;
import dev.keyward.vault.TypedError;

/** The LLM could not answer; the message is a fact sentence for the user and holds no secret. */
public final class LlmException extends Exception implements TypedError {

    public LlmException(String message) {
        super(message);
    }

    @Override
    public ErrorKind kind() {
        return AutomationErrorKind.LLM_FAILED;
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
