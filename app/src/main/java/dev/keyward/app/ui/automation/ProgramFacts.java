package dev.keyward.app.ui.automation;

import dev.keyward.app.ui.UserMessages;
import dev.keyward.automation.generate.ProgramReview;
import dev.keyward.automation.generate.ReviewStep;
import dev.keyward.automation.program.Placeholder;
import dev.keyward.automation.program.PlaceholderScanner;
import dev.keyward.automation.program.Step;
import dev.keyward.automation.program.StepProgram;
import dev.keyward.automation.scripts.AutomationScript;
import dev.keyward.automation.scripts.ScriptService;
import dev.keyward.vault.VaultException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the review pane shows about one stored program: each step with its kind, target, risk and gates,
 * the allowed domains and the placeholders it uses (names only; a program never holds a value).
 *
 * @param program null when the stored program no longer validates; {@code problem} then says why
 */
record ProgramFacts(AutomationScript script, StepProgram program, List<StepLine> steps, List<String> placeholders,
        String problem) {

    ProgramFacts {
        steps = List.copyOf(steps);
        placeholders = List.copyOf(placeholders);
    }

    /** One step as the review table lists it. */
    record StepLine(int index, String id, String kind, String target, String intent, String risk, boolean gated) {}

    /** Reads and reviews the script's program; a program that no longer validates is reported, not thrown. */
    static ProgramFacts of(ScriptService scripts, AutomationScript script) {
        StepProgram program;
        try {
            program = scripts.program(script);
        } catch (VaultException e) {
            return new ProgramFacts(script, null, List.of(), List.of(), UserMessages.describe(e));
        }
        List<StepLine> lines = new ArrayList<>();
        List<ReviewStep> reviewed = ProgramReview.of(program).steps();
        for (int i = 0; i < reviewed.size(); i++) {
            ReviewStep r = reviewed.get(i);
            lines.add(new StepLine(r.index(), r.id(), r.type(), target(program.steps().get(i)), r.intent(),
                    r.riskLabel(), r.gated()));
        }
        return new ProgramFacts(script, program, lines, placeholders(script.scriptContent(), program), null);
    }

    long gatedCount() {
        return steps.stream().filter(StepLine::gated).count();
    }

    /** The element, address or thing a step acts on. */
    static String target(Step step) {
        return switch (step) {
            case Step.Goto s -> s.url();
            case Step.Fill s -> s.selector();
            case Step.Click s -> s.selector();
            case Step.Select s -> s.selector();
            case Step.Press s -> s.selector() == null ? "the page" : s.selector();
            case Step.WaitFor s -> s.selector() != null ? s.selector() : s.urlPattern();
            case Step.Expect s -> s.selector() != null ? s.selector() : "the page address";
            case Step.Extract s -> s.selector();
            case Step.Screenshot s -> s.name();
            case Step.Checkpoint s -> s.checkpointType().dbValue() + " checkpoint";
            case Step.HandoffPayment s -> "the payment page (handed to you)";
            case Step.TotpFill s -> s.selector();
        };
    }

    /** Every placeholder the program text uses, plus the vault secrets its TOTP and extract steps name. */
    static List<String> placeholders(String content, StepProgram program) {
        Set<String> out = new LinkedHashSet<>();
        for (Placeholder p : PlaceholderScanner.scan(content).placeholders()) {
            out.add(switch (p) {
                case Placeholder.SecretRef s -> "{{secret:" + s.name() + "}} (vault secret, typed at run time)";
                case Placeholder.InputRef in -> "{{input:" + in.name() + "}} (run input)";
                case Placeholder.ProviderRef pr -> "{{provider." + pr.field().jsonName() + "}} (provider record)";
            });
        }
        for (Step step : program.steps()) {
            if (step instanceof Step.TotpFill t) {
                out.add("secret " + t.secretName() + " (TOTP seed, read at run time)");
            }
            if (step instanceof Step.Extract e && e.into() instanceof dev.keyward.automation.program.ExtractTarget.Secret s) {
                out.add("secret " + s.name() + " (written by step '" + e.id() + "')");
            }
        }
        return new ArrayList<>(out);
    }
}
