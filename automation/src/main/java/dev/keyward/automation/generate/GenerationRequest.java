package dev.keyward.automation.generate;

import dev.keyward.automation.program.TaskType;
import dev.keyward.vault.InvalidInputException;
import java.util.Objects;

/**
 * What the user asks for: a program for one provider and task type, described in one sentence.
 *
 * @param providerSlug the provider in this profile, e.g. {@code openai}
 * @param taskType     what the program is for (seed 002 enum)
 * @param sentence     the user's own words, e.g. "set a monthly spending cap of 50 dollars"
 */
public record GenerationRequest(String providerSlug, TaskType taskType, String sentence) {

    /** Longest sentence accepted; a program request is one sentence, not a document. */
    public static final int MAX_SENTENCE = 500;

    public GenerationRequest {
        Objects.requireNonNull(providerSlug, "providerSlug");
        Objects.requireNonNull(taskType, "taskType");
        sentence = sentence == null ? "" : sentence.strip();
        if (sentence.isEmpty()) {
            throw new InvalidInputException("Describe the task in one sentence, e.g. \"set a monthly spending cap\".");
        }
        if (sentence.length() > MAX_SENTENCE) {
            throw new InvalidInputException("The description is longer than " + MAX_SENTENCE
                    + " characters; say what the program should do in one sentence.");
        }
    }

    /** The task type named by its seed 002 value, or a sentence listing the accepted values. */
    public static TaskType taskType(String value) {
        return TaskType.fromDbValue(value).orElseThrow(() -> new InvalidInputException("'" + value
                + "' is not a task type; use account_creation, payment_config, billing_restriction,"
                + " api_key_management, dashboard_scrape or custom."));
    }
}
