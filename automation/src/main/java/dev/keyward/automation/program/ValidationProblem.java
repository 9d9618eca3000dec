package dev.keyward.automation.program;

/**
 * One reason a step program is refused.
 *
 * @param stepId  the step's id, or null for program-level problems and steps without a usable id
 * @param field   the JSON field at fault (dotted for nested fields, e.g. {@code into.output}), or null
 * @param message a whole sentence naming the step and field, e.g.
 *                {@code step 'login-submit': field 'selector' is required}; never quotes a secret
 */
public record ValidationProblem(String stepId, String field, String message) {

    /** A problem with a field, phrased as {@code <where>: field '<field>' <what>}. */
    static ValidationProblem atField(StepLocation where, String field, String what) {
        return new ValidationProblem(where.stepId(), Echo.safe(field) ? field : null,
                where.label() + ": field " + Echo.quoted(field) + " " + what);
    }

    /** A problem with the step or program as a whole. */
    static ValidationProblem at(StepLocation where, String what) {
        return new ValidationProblem(where.stepId(), null, where.label() + ": " + what);
    }

    @Override
    public String toString() {
        return message;
    }
}
