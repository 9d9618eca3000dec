package dev.keyward.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyward.automation.generate.GeneratedProgram;
import dev.keyward.automation.generate.GenerationRequest;
import dev.keyward.automation.generate.ReviewStep;
import dev.keyward.automation.program.TaskType;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code keyward script generate --provider SLUG --task TYPE "SENTENCE"}: researches, writes (LLM or
 * template) and stores a program as pending, then prints its plan with each step's risk.
 */
@Command(name = "generate", description = "Write a step program for a provider chore and store it for review (pending).")
final class ScriptGenerateCommand implements Callable<Integer> {

    @ParentCommand
    ScriptCommands group;

    @Option(names = "--provider", required = true, paramLabel = "SLUG", description = "The provider, e.g. openai.")
    String provider;

    @Option(names = "--task", required = true, paramLabel = "TYPE", description = "account_creation, payment_config,"
            + " billing_restriction, api_key_management, dashboard_scrape or custom.")
    String task;

    @Parameters(paramLabel = "SENTENCE", arity = "1..*", description = "What the program should do, in one sentence.")
    List<String> words;

    @Option(names = "--template", description = "Write the template program even when an LLM is configured.")
    boolean template;

    @Option(names = "--json")
    boolean json;

    @Option(names = "--password-stdin")
    boolean passwordStdin;

    @Override
    public Integer call() throws IOException {
        TaskType taskType = GenerationRequest.taskType(task);
        GenerationRequest request = new GenerationRequest(provider, taskType, String.join(" ", words));
        KeywardCommand root = group.root;
        try (OpenSession open = root.open(passwordStdin)) {
            open.session().enableAutomation();
            print(root, open.services().generateProgram(request, template));
        }
        return 0;
    }

    private void print(KeywardCommand root, GeneratedProgram generated) throws IOException {
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("script_id", generated.scriptId());
            out.put("approval_status", "pending");
            out.put("model_used", generated.modelUsed());
            out.put("repair_rounds", generated.repairRounds());
            out.put("plan", new ObjectMapper().readTree(generated.review().toPlanJson()));
            root.printJson(out);
            return;
        }
        PrintStream out = root.terminal().out();
        out.println("Plan: " + generated.program().title() + " (written by " + generated.modelUsed()
                + (generated.repairRounds() > 0 ? ", after " + generated.repairRounds() + " repair round(s)" : "") + ")");
        int idWidth = generated.review().steps().stream().mapToInt(s -> s.id().length()).max().orElse(4);
        for (ReviewStep step : generated.review().steps()) {
            out.printf("%3d. %-" + idWidth + "s %-15s %s%n", step.index(), step.id(), step.type(), step.intent());
            out.printf("     %" + idWidth + "s risk: %s%n", "", step.riskLabel());
        }
        int gated = generated.review().gatedSteps().size();
        out.println(gated + " of " + generated.review().steps().size() + " steps ask a human before they run.");
        generated.research().notes().forEach(note -> root.terminal().err().println("Note: " + note));
        out.println("Stored as script " + generated.scriptId() + " (pending review; nothing runs until it is approved).");
    }
}
