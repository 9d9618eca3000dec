package dev.keyward.automation.generate;

/**
 * A reference-library passage kept as research: where it is and its (redacted, shortened) text.
 *
 * @param source the library source, e.g. {@code playwright-python}
 * @param path   file path inside the source
 * @param line   1-based line of the best-matching line
 * @param score  relevance, higher is better
 * @param text   a few lines of plain text
 */
public record ReferenceSnippet(String source, String path, int line, double score, String text) {}
