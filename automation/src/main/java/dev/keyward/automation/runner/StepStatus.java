package dev.keyward.automation.runner;

/** What happened to one step of a run, as {@code result_summary_json} records it. */
public enum StepStatus {
    NOT_STARTED("not_started"),
    COMPLETED("completed"),
    FAILED("failed"),
    /** Not run: a human rejected its checkpoint, or the run stopped before it on purpose. */
    SKIPPED("skipped"),
    /** Done as far as Keyward goes; a human has to look (a payment handed over, a value withheld). */
    NEEDS_REVIEW("needs_review");

    private final String jsonName;

    StepStatus(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
