package dev.keyward.automation.runner;

import dev.keyward.automation.error.AutomationErrorKind;
import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.Fact;
import dev.keyward.vault.Remedy;
import dev.keyward.vault.TypedError;

/**
 * Why a page's behaviour ended a run (it stopped responding, crashed, or flooded the browser with dialogs, windows
 * or navigations), as a typed error: the step it happened in and the limit it passed, never the page's text.
 */
record PageStop(AutomationErrorKind kind, String stepId, long count) implements TypedError {

    @Override
    public ErrorFacts facts() {
        return ErrorFacts.of(Fact.DETAIL, stepId, Fact.COUNT, count);
    }

    @Override
    public Remedy remedy() {
        return kind.remedy();
    }

    /** The sentence the run's error column and the front ends show. */
    String sentence() {
        return kind.describe(facts());
    }

    /** The kind as the run summary names it ({@code page_stopped_responding}). */
    String kindName() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
