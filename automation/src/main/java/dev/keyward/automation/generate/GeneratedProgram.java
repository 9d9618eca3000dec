package dev.keyward.automation.generate;

import dev.keyward.automation.program.StepProgram;
import dev.keyward.automation.scripts.AutomationScript;

/**
 * A stored program and what produced it.
 *
 * @param script       the new {@code automation_scripts} row (status pending)
 * @param review       the program laid out step by step with gates and risks
 * @param modelUsed    the LLM model, or {@code template}
 * @param research     what the program was grounded on
 * @param repairRounds how many times validation problems were sent back to the LLM (0 for templates)
 */
public record GeneratedProgram(AutomationScript script, ProgramReview review, String modelUsed, Research research,
        int repairRounds) {

    public String scriptId() {
        return script.id();
    }

    public StepProgram program() {
        return review.program();
    }
}
