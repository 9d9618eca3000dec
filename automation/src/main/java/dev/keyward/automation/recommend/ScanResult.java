package dev.keyward.automation.recommend;

import java.util.List;

/**
 * What one scan of a project's markdown found and stored.
 *
 * @param documents    the markdown files read, relative to the folder
 * @param needs        the needs found, clearest first
 * @param added        the recommendations stored by this scan
 * @param alreadyKnown recommendations skipped because an earlier scan stored them (their status is kept)
 * @param refinedByLlm rationales the LLM rewrote
 * @param ignoredByLlm providers the LLM named that were not candidates (never stored)
 * @param notes        sentences about what was skipped, e.g. an LLM that could not be reached
 */
public record ScanResult(List<String> documents, List<Need> needs, List<Recommendation> added, int alreadyKnown,
        int refinedByLlm, int ignoredByLlm, List<String> notes) {

    public ScanResult {
        documents = List.copyOf(documents);
        needs = List.copyOf(needs);
        added = List.copyOf(added);
        notes = List.copyOf(notes);
    }
}
