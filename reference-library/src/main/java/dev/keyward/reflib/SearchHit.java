package dev.keyward.reflib;

/**
 * One ranked search result.
 *
 * @param sourceName the source the file belongs to
 * @param path       file path inside the source, with '/' separators
 * @param line       1-based line of the snippet's best-matching line
 * @param snippet    a few plain-text lines around that line
 * @param score      relevance, higher is better (negated FTS5 bm25)
 */
public record SearchHit(String sourceName, String path, int line, String snippet, double score) {}
