package dev.keyward.automation.discovery.classify;

/**
 * Writes a finding's impact summary and action recommendation. The rule-based writer is the default; an
 * LLM-backed writer may replace it, and must treat the item's texts as untrusted data, not instructions.
 */
@FunctionalInterface
public interface FindingWriter {

    FindingText write(FindingDraft draft);
}
