package dev.keyward.automation.program;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Every step type of the format, with its JSON name and the fields it accepts beyond the common ones. */
public enum StepType {
    GOTO("goto", Step.Goto.class, List.of("url")),
    FILL("fill", Step.Fill.class, List.of("selector", "value")),
    CLICK("click", Step.Click.class, List.of("selector")),
    SELECT("select", Step.Select.class, List.of("selector", "value")),
    PRESS("press", Step.Press.class, List.of("selector", "key")),
    WAIT_FOR("wait_for", Step.WaitFor.class, List.of("selector", "state", "url")),
    EXPECT("expect", Step.Expect.class, List.of("kind", "selector", "value")),
    EXTRACT("extract", Step.Extract.class, List.of("selector", "attribute", "into")),
    SCREENSHOT("screenshot", Step.Screenshot.class, List.of("name")),
    CHECKPOINT("checkpoint", Step.Checkpoint.class, List.of("checkpoint_type", "proposed_action")),
    HANDOFF_PAYMENT("handoff_payment", Step.HandoffPayment.class, List.of("reason")),
    TOTP("totp", Step.TotpFill.class, List.of("selector", "secret", "digits", "algorithm"));

    /** Fields every step accepts, in canonical order. */
    public static final List<String> COMMON_FIELDS = List.of("id", "type", "timeout_ms", "gate", "description");

    private final String jsonName;
    private final Class<? extends Step> modelClass;
    private final List<String> ownFields;

    StepType(String jsonName, Class<? extends Step> modelClass, List<String> ownFields) {
        this.jsonName = jsonName;
        this.modelClass = modelClass;
        this.ownFields = ownFields;
    }

    /** The value of the step's {@code type} field. */
    public String jsonName() {
        return jsonName;
    }

    /** The record that models this step type. */
    public Class<? extends Step> modelClass() {
        return modelClass;
    }

    /** The fields specific to this type, in canonical order. */
    public List<String> ownFields() {
        return ownFields;
    }

    public boolean accepts(String field) {
        return COMMON_FIELDS.contains(field) || ownFields.contains(field);
    }

    public static Optional<StepType> fromJsonName(String value) {
        return Arrays.stream(values()).filter(t -> t.jsonName.equals(value)).findFirst();
    }
}
