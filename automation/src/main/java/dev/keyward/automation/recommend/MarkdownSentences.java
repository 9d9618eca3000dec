package dev.keyward.automation.recommend;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Turns a markdown document into its sentences of prose: headings and paragraphs (in lists and quotes
 * too), with inline markup reduced to text. Code blocks and HTML are left out, and so is every section
 * whose heading says it is not wanted ("Non-goals", "Out of scope"), since those list needs the project
 * does not have.
 */
final class MarkdownSentences {

    private static final Parser PARSER = Parser.builder().build();
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;])\\s+(?=[\\p{Lu}0-9\"'(\\[])");
    private static final Pattern NOT_WANTED = Pattern.compile(
            "(?i)non[- ]?goals?|out of scope|not (?:planned|supported|in scope)|won'?t (?:do|build|support)|anti[- ]goals?");
    static final int MAX_SENTENCE_CHARS = 400;

    private MarkdownSentences() {}

    static List<DocumentSentence> of(String document, String markdown) {
        List<DocumentSentence> out = new ArrayList<>();
        walk(PARSER.parse(markdown), document, new ArrayList<>(), out);
        return out;
    }

    /** {@code headings} holds the open section titles by level (index 0 = level 1). */
    private static void walk(Node node, String document, List<String> headings, List<DocumentSentence> out) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            switch (child) {
                case Heading heading -> {
                    String text = inlineText(heading).strip();
                    while (headings.size() >= heading.getLevel()) {
                        headings.removeLast();
                    }
                    while (headings.size() < heading.getLevel() - 1) {
                        headings.add("");
                    }
                    headings.add(text);
                    if (!inUnwantedSection(headings) && !text.isEmpty()) {
                        out.add(new DocumentSentence(document, clip(text), true));
                    }
                }
                case Paragraph paragraph -> {
                    if (!inUnwantedSection(headings)) {
                        for (String sentence : SENTENCE_END.split(inlineText(paragraph))) {
                            String s = sentence.strip().replaceAll("\\s+", " ");
                            if (!s.isEmpty()) {
                                out.add(new DocumentSentence(document, clip(s), false));
                            }
                        }
                    }
                }
                case Document d -> walk(d, document, headings, out);
                case BlockQuote q -> walk(q, document, headings, out);
                case BulletList l -> walk(l, document, headings, out);
                case OrderedList l -> walk(l, document, headings, out);
                case ListItem item -> walk(item, document, headings, out);
                default -> {
                    // code blocks, HTML, thematic breaks: not prose
                }
            }
        }
    }

    private static boolean inUnwantedSection(List<String> headings) {
        return headings.stream().anyMatch(h -> NOT_WANTED.matcher(h).find());
    }

    private static String inlineText(Node node) {
        StringBuilder text = new StringBuilder();
        appendInline(node, text);
        return text.toString();
    }

    private static void appendInline(Node node, StringBuilder text) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            switch (child) {
                case Text t -> text.append(t.getLiteral());
                case Code c -> text.append(c.getLiteral());
                case SoftLineBreak b -> text.append(' ');
                case HardLineBreak b -> text.append(' ');
                default -> appendInline(child, text); // emphasis, links, images: their text
            }
        }
    }

    private static String clip(String text) {
        return text.length() <= MAX_SENTENCE_CHARS ? text : text.substring(0, MAX_SENTENCE_CHARS) + "…";
    }
}
