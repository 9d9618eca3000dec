package dev.keyward.automation.generate;

import dev.keyward.automation.error.AutomationErrorKind;
import dev.keyward.automation.llm.ChatMessage;
import dev.keyward.automation.llm.LlmClient;
import dev.keyward.automation.llm.LlmException;
import dev.keyward.automation.program.ParsedProgram;
import dev.keyward.automation.program.StepProgram;
import dev.keyward.automation.program.StepProgramValidator;
import dev.keyward.automation.program.ValidationProblem;
import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.Fact;
import dev.keyward.vault.OperationFailedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Asks the LLM for a program and validates the answer; an invalid answer goes back with the
 * validator's problems for a bounded number of repair rounds, after which generation fails with a
 * sentence naming the first problems. Nothing the LLM says is trusted before it validates.
 */
final class LlmProgramAuthor {

    /** What the LLM produced, once valid. */
    record Authored(StepProgram program, int repairRounds) {}

    private static final double TEMPERATURE = 0.2;
    private static final int PROBLEMS_IN_ERROR = 3;

    private final LlmClient client;
    private final ProgramPrompt prompt;
    private final UnaryOperator<String> redactor;
    private final int maxRepairRounds;
    private final StepProgramValidator validator = new StepProgramValidator();

    LlmProgramAuthor(LlmClient client, UnaryOperator<String> redactor, int maxRepairRounds) {
        this.client = client;
        this.prompt = new ProgramPrompt(redactor);
        this.redactor = redactor;
        this.maxRepairRounds = maxRepairRounds;
    }

    Authored write(Research research) {
        List<ChatMessage> conversation = new ArrayList<>(prompt.initial(research));
        List<String> problems = List.of();
        for (int round = 0; round <= maxRepairRounds; round++) {
            String answer = ask(conversation);
            Optional<String> json = AnswerJson.programJson(answer);
            problems = json.isEmpty()
                    ? List.of("program: the answer held no JSON object; answer with the program as one JSON object")
                    : problems(json.get(), research);
            if (problems.isEmpty()) {
                return new Authored(validator.requireValid(json.get(), research.allowedDomains()), round);
            }
            conversation.add(prompt.previousAnswer(answer));
            conversation.add(prompt.repair(problems));
        }
        String examples = String.join("; ", problems.stream().limit(PROBLEMS_IN_ERROR).toList());
        throw new OperationFailedException(AutomationErrorKind.LLM_PROGRAM_UNUSABLE, ErrorFacts.of(Fact.DETAIL,
                redactor.apply("The LLM's program was still invalid after " + maxRepairRounds + " repair round"
                        + (maxRepairRounds == 1 ? "" : "s") + " (" + problems.size() + " problem"
                        + (problems.size() == 1 ? "" : "s") + ", e.g. " + examples + "); nothing was stored.")));
    }

    private List<String> problems(String json, Research research) {
        ParsedProgram parsed = validator.validateJson(json, research.allowedDomains());
        if (!parsed.valid()) {
            return parsed.problems().stream().map(ValidationProblem::message).toList();
        }
        return GeneratedProgramRules.problems(parsed.program().orElseThrow(), research);
    }

    private String ask(List<ChatMessage> conversation) {
        try {
            return client.chat(conversation, TEMPERATURE);
        } catch (LlmException e) {
            throw new OperationFailedException(AutomationErrorKind.LLM_PROGRAM_UNUSABLE,
                    ErrorFacts.of(Fact.DETAIL, e.getMessage() + " Nothing was stored."), e);
        }
    }
}
