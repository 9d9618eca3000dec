package dev.keyward.automation.program;

import java.util.List;

/**
 * How an action should be described and treated: the checkpoint type it reads as (the strictest of what the
 * evidence suggests) and every reason found, strictest first. Advice words a dialog and feeds "never
 * auto-approve" rules; the reasons name labels and paths, never a value typed.
 */
public record RiskAdvice(CheckpointType type, List<String> reasons) {

    public RiskAdvice {
        reasons = List.copyOf(reasons);
    }

    /** The first (strictest) reason. */
    public String reason() {
        return reasons.isEmpty() ? "" : reasons.getFirst();
    }

    /** As a {@link RequiredCheckpoint}, for the runner's gate. */
    public RequiredCheckpoint asRequired() {
        return new RequiredCheckpoint(type, reason());
    }
}
