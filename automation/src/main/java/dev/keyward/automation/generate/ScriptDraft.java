package dev.keyward.automation.generate;

import dev.keyward.automation.program.TaskType;

/**
 * A generated program ready to be stored as a {@code pending} {@code automation_scripts} row.
 *
 * @param providerId    the provider's row id in this profile
 * @param scriptContent the program as pretty JSON (validated)
 * @param modelUsed     the LLM model name, or {@code template}
 * @param researchJson  {@code research_data_json}
 * @param planJson      {@code plan_data_json}
 */
public record ScriptDraft(String providerId, TaskType taskType, String title, String description,
        String scriptContent, String modelUsed, String researchJson, String planJson) {}
