package dev.keyward.automation.llm;

/** The LLM could not answer; the message is a sentence for the user and holds no secret. */
public final class LlmException extends Exception {

    public LlmException(String message) {
        super(message);
    }
}
