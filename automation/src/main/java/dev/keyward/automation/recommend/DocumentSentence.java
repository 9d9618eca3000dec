package dev.keyward.automation.recommend;

/**
 * One sentence of a project's markdown, as plain text.
 *
 * @param document  the file it came from, relative to the project folder, with '/' separators
 * @param text      the sentence, inline markup removed
 * @param heading   true when the sentence is a heading rather than body text
 */
public record DocumentSentence(String document, String text, boolean heading) {}
