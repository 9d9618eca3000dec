package dev.keyward.automation.llm;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Last line of defence before a prompt leaves the laptop: a prompt that the vault's redactor
 * would change holds a secret value (or something shaped like a key) and is refused.
 */
public final class PromptGuard {

    private final UnaryOperator<String> redactor;

    /** @param redactor the session's redactor, e.g. {@code session.redactor()::redact} */
    public PromptGuard(UnaryOperator<String> redactor) {
        this.redactor = redactor;
    }

    public void check(List<ChatMessage> messages) throws LlmException {
        for (ChatMessage m : messages) {
            String content = m.content() == null ? "" : m.content();
            if (!redactor.apply(content).equals(content)) {
                throw new LlmException("A prompt would have carried a secret value, so it was not sent. "
                        + "Programs refer to secrets only as {{secret:NAME}}.");
            }
        }
    }
}
