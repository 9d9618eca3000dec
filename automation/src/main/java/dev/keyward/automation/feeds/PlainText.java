package dev.keyward.automation.feeds;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * Turns untrusted markup into capped, single-line plain text: tags, scripts and styles are dropped,
 * entities decoded, control and bidi characters removed. The result is data to display as text.
 */
public final class PlainText {

    /** Longest title kept, in characters. */
    public static final int TITLE_MAX = 200;
    /** Longest snippet kept, in characters. */
    public static final int SNIPPET_MAX = 1000;

    private static final Pattern TAG_LIKE = Pattern.compile("<\\s*[A-Za-z!/?]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    // Encoded markup decodes into new markup; a few passes cover double and triple encoding.
    private static final int MAX_PASSES = 3;

    private PlainText() {
    }

    public static String title(String markup) {
        return of(markup, TITLE_MAX);
    }

    public static String snippet(String markup) {
        return of(markup, SNIPPET_MAX);
    }

    /** Plain text of {@code markup}, at most {@code maxChars} long (an ellipsis marks a cut). */
    public static String of(String markup, int maxChars) {
        if (markup == null || markup.isEmpty()) {
            return "";
        }
        // Bound the work before parsing: far more input than we keep is never needed.
        String text = markup.length() > maxChars * 20 ? markup.substring(0, maxChars * 20) : markup;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            text = Jsoup.parse(text).text();
            if (!TAG_LIKE.matcher(text).find()) {
                break;
            }
        }
        // Whatever still looks like a tag after the passes is shown with a look-alike bracket, never as markup.
        text = TAG_LIKE.matcher(text).find() ? text.replace('<', '\u2039') : text;
        text = SPACES.matcher(withoutInvisibles(text)).replaceAll(" ").strip();
        return cap(text, maxChars);
    }

    private static String withoutInvisibles(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                out.append(' ');
            } else if (type != Character.CONTROL && type != Character.FORMAT && type != Character.PRIVATE_USE
                    && type != Character.UNASSIGNED) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static String cap(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int end = maxChars - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end).stripTrailing() + "\u2026";
    }
}
