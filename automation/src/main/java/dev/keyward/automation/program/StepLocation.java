package dev.keyward.automation.program;

import java.util.regex.Pattern;

/**
 * Where a problem sits, as it is named in messages: the program itself, a step by its id, or a step by
 * its position when it has no usable id.
 */
record StepLocation(String stepId, String label) {

    /** Step ids: short, lower case, stable across edits. */
    static final Pattern STEP_ID = Pattern.compile("[a-z0-9_-]{1,64}");

    static final StepLocation PROGRAM = new StepLocation(null, "program");

    static StepLocation ofStep(String id, int index) {
        if (id != null && STEP_ID.matcher(id).matches() && Echo.safe(id)) {
            return new StepLocation(id, "step '" + id + "'");
        }
        return new StepLocation(null, "step #" + (index + 1));
    }
}
