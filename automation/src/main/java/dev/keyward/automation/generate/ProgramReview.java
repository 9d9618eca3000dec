package dev.keyward.automation.generate;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyward.automation.program.CheckpointType;
import dev.keyward.automation.program.ExtractTarget;
import dev.keyward.automation.program.RiskRules;
import dev.keyward.automation.program.Step;
import dev.keyward.automation.program.StepProgram;
import java.util.ArrayList;
import java.util.List;

/**
 * A program laid out for review (the UI's review screen and {@code script generate}): its steps in
 * order, each with its intent, the gate the program asks for and the risk the runner's rules see.
 * The same list, as JSON, is the plan stored in {@code plan_data_json}.
 */
public record ProgramReview(StepProgram program, List<ReviewStep> steps) {

    private static final JsonMapper JSON = new JsonMapper();

    public ProgramReview {
        steps = List.copyOf(steps);
    }

    /** Reviews a valid program: every step is assessed by {@code RiskRules} on its static description. */
    public static ProgramReview of(StepProgram program) {
        List<ReviewStep> steps = new ArrayList<>();
        int index = 1;
        for (Step step : program.steps()) {
            steps.add(new ReviewStep(index++, step.id(), step.type().jsonName(), intent(step),
                    step.header().gate(), RiskRules.assess(step, StaticTarget.of(step)).orElse(null)));
        }
        return new ProgramReview(program, steps);
    }

    /** The steps a human will be asked about before they run. */
    public List<ReviewStep> gatedSteps() {
        return steps.stream().filter(ReviewStep::gated).toList();
    }

    /** The plan as JSON for {@code plan_data_json}: ordered intended steps with their gates and risks. */
    public String toPlanJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("title", program.title());
        root.put("gated_steps", gatedSteps().size());
        ArrayNode list = root.putArray("steps");
        for (ReviewStep s : steps) {
            ObjectNode node = list.addObject();
            node.put("index", s.index());
            node.put("id", s.id());
            node.put("type", s.type());
            node.put("intent", s.intent());
            node.put("program_gate", s.programGate() == null ? null : s.programGate().dbValue());
            ArrayNode gates = node.putArray("gates");
            s.gates().stream().map(CheckpointType::dbValue).forEach(gates::add);
            if (s.ruleRisk() != null) {
                node.putObject("risk").put("checkpoint", s.ruleRisk().type().dbValue())
                        .put("reason", s.ruleRisk().reason());
            } else {
                node.putNull("risk");
            }
        }
        return root.toString();
    }

    /** The step's description, or what it does in a few words when the program gave none. */
    static String intent(Step step) {
        if (step.header().description() != null && !step.header().description().isBlank()) {
            return step.header().description();
        }
        return switch (step) {
            case Step.Goto s -> "Open " + s.url();
            case Step.Fill s -> "Type " + s.value() + " into " + s.selector();
            case Step.Click s -> "Click " + s.selector();
            case Step.Select s -> "Choose " + s.value() + " in " + s.selector();
            case Step.Press s -> "Press " + s.key() + (s.selector() == null ? "" : " on " + s.selector());
            case Step.WaitFor s -> s.selector() != null ? "Wait for " + s.selector() : "Wait for the page " + s.urlPattern();
            case Step.Expect s -> "Check " + s.kind().jsonName() + (s.selector() == null ? "" : " of " + s.selector())
                    + (s.value() == null ? "" : " is " + s.value());
            case Step.Extract s -> "Read " + s.selector() + (s.into() instanceof ExtractTarget.Secret
                    ? " into the vault secret " : " into the output ") + s.into().name();
            case Step.Screenshot s -> "Take the screenshot " + s.name();
            case Step.Checkpoint s -> "Ask a human: " + s.proposedAction();
            case Step.HandoffPayment s -> "Hand the page to you to pay: " + s.reason();
            case Step.TotpFill s -> "Type a one-time code from " + s.secretName() + " into " + s.selector();
        };
    }
}
