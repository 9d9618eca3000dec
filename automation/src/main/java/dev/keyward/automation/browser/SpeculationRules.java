package dev.keyward.automation.browser;

import com.microsoft.playwright.BrowserContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps speculation rules out of a run's pages. Chromium prefetches and prerenders what a page's rules name from its
 * browser process, where routing never sees the request and no flag of Chromium 156 turns it off (corpus
 * {@code s29}, {@code s30}), so a page could make the browser GET a delete address past the gate. Two layers: the
 * documents the {@link NavigationGuard} fetches lose their {@code Speculation-Rules} header and every
 * {@code <script type="speculationrules">} in their markup becomes a data block ({@link #inert}); an init script
 * removes a rule script a page adds later (in any way: DOM calls, {@code document.write}, a shadow tree) before
 * Chromium hands its rules to the browser, and tells a page that asks that rules are not supported.
 */
public final class SpeculationRules {

    /** The response header that names rule sets to load (a structured list of URLs). */
    public static final String HEADER = "speculation-rules";

    /** The type a neutralised rule script gets: a data block, which a browser never runs or reads. */
    static final String INERT_TYPE = "text/x-keyward-inert";

    private static final Pattern SCRIPT_TAG = Pattern.compile("(?i)<script(?=[\\s/>])");
    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([^\";\\s]+)");
    private static final Pattern REFERENCE = Pattern.compile("&(?:#[xX]([0-9a-fA-F]{1,6});?|#([0-9]{1,7});?|"
            + "(Tab|NewLine);)");

    private SpeculationRules() {
    }

    /** Adds the init script that removes rule scripts to every frame of the context; before its first page opens. */
    public static void install(BrowserContext context) {
        context.addInitScript(script());
    }

    /**
     * The document with every speculation-rules script made a data block, or empty when it has none. Markup is read
     * as the HTML tokenizer reads a start tag: the first {@code type} attribute counts, quoted or not, character
     * references decoded, case and surrounding white space ignored.
     *
     * @param body        the response body as received
     * @param contentType the response's Content-Type header, or null
     */
    public static Optional<byte[]> inert(byte[] body, String contentType) {
        Charset charset = wideCharset(body, contentType);
        // A byte-per-character reading keeps every byte of an ASCII-compatible encoding where it was.
        String text = new String(body, charset == null ? StandardCharsets.ISO_8859_1 : charset);
        StringBuilder out = null;
        int copied = 0;
        Matcher tag = SCRIPT_TAG.matcher(text);
        int from = 0;
        while (tag.find(from)) {
            int[] value = typeValue(text, tag.end());
            from = value[2];
            if (value[0] < 0 || !isRulesType(decode(text.substring(value[0], value[1])))) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 32);
            }
            out.append(text, copied, value[0]).append(INERT_TYPE);
            copied = value[1];
        }
        if (out == null) {
            return Optional.empty();
        }
        out.append(text, copied, text.length());
        return Optional.of(out.toString().getBytes(charset == null ? StandardCharsets.ISO_8859_1 : charset));
    }

    /** Whether a script type is the speculation-rules one, as a browser compares it. */
    static boolean isRulesType(String type) {
        return type.strip().toLowerCase(Locale.ROOT).equals("speculationrules");
    }

    /**
     * Reads a start tag's attributes from {@code at} (just after {@code <script}) the way the HTML tokenizer does.
     *
     * @return the start and end of the first {@code type} attribute's value in {@code text} ({@code -1, -1} without
     *         one; a value written without quotes included) and where the tag ends
     */
    private static int[] typeValue(String text, int at) {
        int i = at;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '>') {
                return new int[] {-1, -1, i + 1};
            }
            if (isSpace(c) || c == '/') {
                i++;
                continue;
            }
            int nameStart = i;
            // An attribute name runs to white space, '/', '>' or '='; a leading '=' belongs to the name.
            i++;
            while (i < n && !isSpace(text.charAt(i)) && text.charAt(i) != '/' && text.charAt(i) != '>'
                    && text.charAt(i) != '=') {
                i++;
            }
            String name = text.substring(nameStart, i).toLowerCase(Locale.ROOT);
            int j = i;
            while (j < n && isSpace(text.charAt(j))) {
                j++;
            }
            if (j >= n || text.charAt(j) != '=') {
                continue;
            }
            j++;
            while (j < n && isSpace(text.charAt(j))) {
                j++;
            }
            int valueStart;
            int valueEnd;
            if (j < n && (text.charAt(j) == '"' || text.charAt(j) == '\'')) {
                char quote = text.charAt(j);
                valueStart = j + 1;
                int close = text.indexOf(quote, valueStart);
                valueEnd = close < 0 ? n : close;
                i = close < 0 ? n : close + 1;
            } else {
                valueStart = j;
                while (j < n && !isSpace(text.charAt(j)) && text.charAt(j) != '>') {
                    j++;
                }
                valueEnd = j;
                i = j;
            }
            if (name.equals("type")) {
                return new int[] {valueStart, valueEnd, i};
            }
        }
        return new int[] {-1, -1, n};
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    /** An attribute value with its numeric character references (and the white-space names) decoded. */
    static String decode(String value) {
        if (value.indexOf('&') < 0) {
            return value;
        }
        Matcher m = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(3) != null) {
                replacement = m.group(3).equals("Tab") ? "\t" : "\n";
            } else {
                int code = m.group(1) != null ? Integer.parseInt(m.group(1), 16) : Integer.parseInt(m.group(2));
                replacement = Character.isValidCodePoint(code) ? Character.toString(code) : "\uFFFD";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** UTF-16 by byte-order mark or header (the encodings in which markup is not byte-per-character), else null. */
    private static Charset wideCharset(byte[] body, String contentType) {
        if (body.length >= 2 && (body[0] & 0xff) == 0xfe && (body[1] & 0xff) == 0xff) {
            return StandardCharsets.UTF_16BE;
        }
        if (body.length >= 2 && (body[0] & 0xff) == 0xff && (body[1] & 0xff) == 0xfe) {
            return StandardCharsets.UTF_16LE;
        }
        if (contentType != null) {
            Matcher m = CHARSET.matcher(contentType);
            if (m.find()) {
                String declared = m.group(1).toLowerCase(Locale.ROOT);
                if (declared.equals("utf-16be")) {
                    return StandardCharsets.UTF_16BE;
                }
                if (declared.equals("utf-16") || declared.equals("utf-16le")) {
                    return StandardCharsets.UTF_16LE;
                }
            }
        }
        return null;
    }

    private static String script() {
        try (InputStream in = SpeculationRules.class.getResourceAsStream("speculation-rules.js")) {
            if (in == null) {
                throw new IllegalStateException("speculation-rules.js is missing from the automation module");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
