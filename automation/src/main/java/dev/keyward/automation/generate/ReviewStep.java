package dev.keyward.automation.generate;

import dev.keyward.automation.program.CheckpointType;
import dev.keyward.automation.program.RequiredCheckpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One step as a reviewer sees it: what it intends, the gate the program asks for, and the checkpoint
 * the runner's own risk rules demand from the step's static description.
 *
 * @param index       1-based position in the program
 * @param id          the step id
 * @param type        the step type's JSON name, e.g. {@code click}
 * @param intent      the step's description, or a summary of what it does when it has none
 * @param programGate the checkpoint the program marks the step with, or null
 * @param ruleRisk    the checkpoint {@code RiskRules} demands, or null when the rules see no risk
 */
public record ReviewStep(int index, String id, String type, String intent, CheckpointType programGate,
        RequiredCheckpoint ruleRisk) {

    /** Every checkpoint the runner will ask for before this step (rules first), without repeats. */
    public List<CheckpointType> gates() {
        List<CheckpointType> gates = new ArrayList<>();
        if (ruleRisk != null) {
            gates.add(ruleRisk.type());
        }
        if (programGate != null && !gates.contains(programGate)) {
            gates.add(programGate);
        }
        return gates;
    }

    public boolean gated() {
        return ruleRisk != null || programGate != null;
    }

    public Optional<RequiredCheckpoint> riskIfAny() {
        return Optional.ofNullable(ruleRisk);
    }

    /** The risk in a few words for a list: {@code none}, or the checkpoint types and the rule's reason. */
    public String riskLabel() {
        if (!gated()) {
            return "none";
        }
        String types = String.join("+", gates().stream().map(CheckpointType::dbValue).toList());
        return ruleRisk == null ? types + " (marked by the program)" : types + " (" + ruleRisk.reason() + ")";
    }
}
