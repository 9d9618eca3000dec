package dev.keyward.automation.browser;

import com.microsoft.playwright.BrowserContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    /**
     * The type a neutralised rule script gets: a data block, which a browser never runs or reads. Shorter than the
     * shortest way to write {@code speculationrules}, and padded with spaces to the length it replaces, so no byte
     * after it moves (a reading of the same bytes in another encoding keeps its alignment).
     */
    static final String INERT_TYPE = "x-keyward-inert";

    /**
     * A document as the run's page gets it.
     *
     * @param body        the body to send
     * @param contentType the one Content-Type value to send in place of the response's, or null for none
     */
    public record Document(byte[] body, String contentType) {}

    private static final Pattern SCRIPT_TAG = Pattern.compile("(?i)<(?:[a-z_][\\w.-]*:)?script(?=[\\s/>])");
    private static final Pattern REFERENCE = Pattern.compile("&(?:#[xX]([0-9a-fA-F]{1,6});?|#([0-9]{1,7});?|"
            + "(Tab|NewLine);)");
    private static final byte[] UTF_8_BOM = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};

    private SpeculationRules() {
    }

    /** Adds the init script that removes rule scripts to every frame of the context; before its first page opens. */
    public static void install(BrowserContext context) {
        context.addInitScript(script());
    }

    /**
     * The document with every speculation-rules script made a data block, read the way Chromium reads its bytes
     * ({@link DocumentEncoding}); empty when nothing needs to change. Markup is read as the HTML tokenizer reads a
     * start tag: the first {@code type} attribute counts, quoted or not, character references decoded, case and
     * surrounding white space ignored ({@code <x:script>} too, as an XHTML page may prefix its elements).
     *
     * <p>A page in UTF-16 stays in UTF-16. A page in ISO-2022-JP, or one Chromium might read so (it declares nothing
     * Chromium certainly knows and holds an escape byte), is sent on as UTF-8 with a byte-order mark, which overrides
     * every other source of an encoding, so the text searched here is the text Chromium parses. Several Content-Type
     * values become the one Chromium would have used, written out, so the browser and this class read the same.
     *
     * @param body         the response body as received
     * @param contentTypes every Content-Type value of the response (none: the browser sniffs)
     */
    public static Optional<Document> inert(byte[] body, List<String> contentTypes) {
        DocumentEncoding.ContentType type = DocumentEncoding.contentType(contentTypes);
        String header = contentTypes.isEmpty() ? null : type.canonical() ? contentTypes.get(0) : type.header();
        DocumentEncoding.Decision decision = DocumentEncoding.reading(body, type.charset());
        switch (decision.reading()) {
            case UTF_16LE, UTF_16BE -> {
                Charset charset = decision.reading() == DocumentEncoding.Reading.UTF_16LE ? StandardCharsets.UTF_16LE
                        : StandardCharsets.UTF_16BE;
                Optional<String> out = inert(new String(body, charset));
                if (out.isEmpty() && type.canonical()) {
                    return Optional.empty();
                }
                return Optional.of(new Document(out.map(t -> t.getBytes(charset)).orElse(body), header));
            }
            case TRANSCODE -> {
                return Optional.of(transcoded(new String(body, DocumentEncoding.transcodedFrom(body, type.charset())),
                        type));
            }
            default -> {
                if (!decision.fixed()) {
                    // Nothing Chromium certainly knows fixes the encoding: a UTF-16 reading that holds rules wins.
                    for (Charset wide : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
                        String text = new String(body, wide);
                        if (inert(text).isPresent()) {
                            return Optional.of(transcoded(text, type));
                        }
                    }
                }
                // A byte-per-character reading keeps every byte of an ASCII-compatible encoding where it was.
                Optional<String> out = inert(new String(body, StandardCharsets.ISO_8859_1));
                if (out.isEmpty() && type.canonical()) {
                    return Optional.empty();
                }
                return Optional.of(new Document(out.map(t -> t.getBytes(StandardCharsets.ISO_8859_1)).orElse(body),
                        header));
            }
        }
    }

    /** The text, its rule scripts made data blocks, as UTF-8 with a byte-order mark and a Content-Type saying so. */
    private static Document transcoded(String text, DocumentEncoding.ContentType type) {
        String clean = text.startsWith("\uFEFF") ? text.substring(1) : text;
        byte[] utf8 = inert(clean).orElse(clean).getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[UTF_8_BOM.length + utf8.length];
        System.arraycopy(UTF_8_BOM, 0, body, 0, UTF_8_BOM.length);
        System.arraycopy(utf8, 0, body, UTF_8_BOM.length, utf8.length);
        String mime = type.mime().isEmpty() ? "text/html" : type.mime();
        return new Document(body, mime + "; charset=utf-8");
    }

    /**
     * The text with every rule script's type replaced, or empty when it has none.
     *
     * <p>Every {@code <script} in the text is read as a start tag of its own, wherever it stands: in a comment, in
     * {@code <title>} or {@code <textarea>} text, in another element's attribute or in a script's own text it is no
     * tag to the browser, and reading it as one only changes a data block's worth of that text. What must not happen
     * is the reverse: read as a tag, such text may open a quote that runs past a real rule script after it (the quote
     * closes only at the next matching one, or never), so the search goes on from just after each {@code <script},
     * not from where its attributes seemed to end. A real start tag's attributes read the same whatever came before
     * it, so each real rule script is found.
     */
    static Optional<String> inert(String text) {
        List<int[]> values = new ArrayList<>();
        Matcher tag = SCRIPT_TAG.matcher(text);
        // Reading each candidate on its own may read the same text again (quadratic for a page made of unclosed
        // tag-like runs); past this many characters read, the rest is read in one pass as before, from where each
        // tag seemed to end. Preloading is off in the runner's browser (BrowserPreloading), so a rule script this
        // layer misses there still fetches nothing.
        long budget = 8L * text.length() + 1_000_000L;
        long read = 0;
        int from = 0;
        while (tag.find(from)) {
            int[] value = typeValue(text, tag.end());
            read += value[2] - tag.end();
            from = read > budget ? value[2] : tag.end();
            if (value[0] >= 0 && isRulesType(decode(text.substring(value[0], value[1])))) {
                values.add(value);
            }
        }
        if (values.isEmpty()) {
            return Optional.empty();
        }
        // A rules type holds no '<', so two values never partly overlap; a tag's value may come after a later tag's
        // (that later tag inside one of its earlier attributes), and both may have read the same one.
        values.sort(Comparator.comparingInt(v -> v[0]));
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (int[] value : values) {
            if (value[0] < copied) {
                continue;
            }
            // Every spelling of the type is at least as long as the inert one: pad, so nothing after it moves.
            out.append(text, copied, value[0]).append(INERT_TYPE)
                    .append(" ".repeat(Math.max(0, value[1] - value[0] - INERT_TYPE.length())));
            copied = value[1];
        }
        out.append(text, copied, text.length());
        return Optional.of(out.toString());
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
