package dev.keyward.automation.generate;

import dev.keyward.automation.llm.LlmClient;
import dev.keyward.automation.program.CredentialLiteralDetector;
import dev.keyward.automation.program.StepProgram;
import dev.keyward.automation.program.StepProgramValidator;
import dev.keyward.automation.program.StepProgramWriter;
import dev.keyward.automation.program.ValidationProblem;
import dev.keyward.automation.scripts.AutomationScript;
import dev.keyward.automation.scripts.ScriptService;
import dev.keyward.vault.session.VaultSession;
import java.util.List;
import java.util.Optional;

/**
 * Writes a step program for a request and stores it for review: research first (provider, selectors,
 * reference snippets), then the LLM with bounded repair rounds when one is configured, else a
 * template. Only a valid program is stored, always as {@code pending}; a failure stores nothing.
 */
public final class ProgramGenerator {

    /** Repair rounds after the first answer: enough for a slip, not a loop. */
    public static final int DEFAULT_REPAIR_ROUNDS = 2;

    private final VaultSession session;
    private final ReferenceSnippets library;
    private final ScriptService scripts;
    private final Optional<LlmClient> llm;
    private final int maxRepairRounds;

    /**
     * @param llm the profile's LLM ({@link dev.keyward.automation.llm.SessionLlm}), or empty for templates
     */
    public ProgramGenerator(VaultSession session, ReferenceSnippets library, ScriptService scripts,
            Optional<LlmClient> llm, int maxRepairRounds) {
        this.session = session;
        this.library = library;
        this.scripts = scripts;
        this.llm = llm;
        this.maxRepairRounds = maxRepairRounds;
    }

    /**
     * Researches the request only; what the UI shows before the user asks for a program. A read: without the
     * automation schema there are no stored selectors to offer, and researching does not enable it.
     */
    public Research research(GenerationRequest request) {
        return new ResearchCollector(session, library).collect(request);
    }

    /**
     * Generates and stores a program.
     *
     * @param templateOnly write the template even when an LLM is configured
     */
    public GeneratedProgram generate(GenerationRequest request, boolean templateOnly) {
        // Generating stores a program: enabled first, so the research sees the provider's automation addresses.
        session.enableAutomation();
        Research research = research(request);
        StepProgram program;
        String model;
        int rounds = 0;
        if (llm.isPresent() && !templateOnly) {
            LlmProgramAuthor.Authored authored = new LlmProgramAuthor(llm.get(), session.redactor()::redact,
                    maxRepairRounds).write(research);
            program = describedBySentence(authored.program(), research.sentence());
            model = llm.get().model();
            rounds = authored.repairRounds();
        } else {
            program = StepProgramTemplates.forTask(research);
            requireValidTemplate(program);
            model = StepProgramTemplates.MODEL;
        }
        ProgramReview review = ProgramReview.of(program);
        // ScriptService validates once more and stores the row as pending, with its audit entry.
        AutomationScript script = scripts.create(new StepProgramWriter().writePretty(program),
                research.provider().slug(), model, research.toJson(), review.toPlanJson());
        return new GeneratedProgram(script, review, model, research, rounds);
    }

    /** A program the LLM left without a description gets the request's sentence, when it can carry it. */
    private static StepProgram describedBySentence(StepProgram p, String sentence) {
        if (p.description() != null && !p.description().isBlank()) {
            return p;
        }
        String text = "Requested: " + sentence;
        if (CredentialLiteralDetector.looksLikeCredential(text) || text.length() > 2000) {
            return p;
        }
        return new StepProgram(p.format(), p.formatVersion(), p.title(), text, p.provider(), p.taskType(),
                p.allowedDomains(), p.inputs(), p.steps());
    }

    private static void requireValidTemplate(StepProgram program) {
        List<ValidationProblem> problems = new StepProgramValidator().validate(program);
        if (!problems.isEmpty()) {
            // A template is Keyward's own text: an invalid one is a defect, not the user's input.
            throw new IllegalStateException("template for " + program.taskType().dbValue() + " is invalid: " + problems);
        }
    }
}
