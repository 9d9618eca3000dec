package dev.keyward.automation.generate;

/** Where generated programs go: a new {@code automation_scripts} row awaiting review. */
@FunctionalInterface
public interface GeneratedProgramStore {

    /** Stores the draft with approval status {@code pending}; returns the new script id. */
    String storePending(ScriptDraft draft);
}
