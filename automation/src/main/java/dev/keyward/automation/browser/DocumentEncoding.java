package dev.keyward.automation.browser;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How Chromium reads the bytes of a document the route fetched, as far as it matters for finding markup in them. In
 * every encoding of the WHATWG Encoding Standard but three, an ASCII character comes only from the same ASCII byte,
 * so markup can be found byte by byte whatever the encoding is. The three: UTF-16LE and UTF-16BE (two bytes a
 * character), and ISO-2022-JP, whose escape sequences vanish from the text ({@code <scr ESC ( B ipt} reads
 * {@code <script}). Chromium picks the encoding from a byte-order mark, then the Content-Type header's charset, then
 * (only without either) a UTF-16 XML declaration, an XML declaration or {@code <meta>} naming a byte-based encoding
 * (ISO-2022-JP among them), the parent frame's encoding, or its detector. What {@code <meta>} says is not trusted
 * here: a page with an escape byte and no charset Chromium certainly knows is sent on as UTF-8 instead.
 */
final class DocumentEncoding {

    /** What a document's bytes are read as. */
    enum Reading {
        /** An ASCII-compatible encoding without escapes: markup is found byte by byte. */
        BYTES,
        UTF_16LE,
        UTF_16BE,
        /**
         * ISO-2022-JP, or a document Chromium may read as ISO-2022-JP (no byte-order mark or charset fixes its
         * encoding, and it holds an escape byte): it is decoded here and sent on as UTF-8 with a byte-order mark, so
         * the text searched is exactly the text Chromium parses.
         */
        TRANSCODE
    }

    /**
     * The Content-Type Chromium uses, from every Content-Type value a response carries.
     *
     * @param mime      the lower-case type, or empty when no value had one (Chromium then sniffs)
     * @param charset   the charset label, or null
     * @param canonical whether one plain header says the same (false: several values, which a header should carry
     *                  as one written here, so the browser reads the type chosen here)
     */
    record ContentType(String mime, String charset, boolean canonical) {

        /** The one header value that says this type, or null for none. */
        String header() {
            return mime.isEmpty() ? null : charset == null ? mime : mime + "; charset=" + charset;
        }
    }

    /** WHATWG labels of the encodings that need care; each maps to its encoding's name. */
    private static final Map<String, String> RISKY_LABELS = labels(
            "UTF-16LE", "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le",
            "UTF-16BE", "unicodefffe utf-16be",
            "ISO-2022-JP", "csiso2022jp iso-2022-jp");

    /**
     * Labels Chromium certainly knows for ASCII-compatible encodings without escapes (UTF-8 and the common legacy
     * ones). A charset label not listed here or above is treated as if none were given: Chromium may ignore it and
     * detect, so every reading it could choose is considered.
     */
    private static final Set<String> BYTE_LABELS = Set.of(
            "utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8",
            "ascii", "us-ascii", "ansi_x3.4-1968", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1",
            "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "windows-1252",
            "x-cp1252", "shift_jis", "csshiftjis", "ms932", "ms_kanji", "sjis", "windows-31j", "x-sjis", "euc-jp",
            "cseucpkdfmtjapanese", "x-euc-jp", "gbk", "gb2312", "chinese", "csgb2312", "x-gbk", "gb_2312",
            "gb_2312-80", "gb18030", "big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5", "euc-kr", "korean",
            "ks_c_5601-1987", "windows-949", "cseuckr", "iso-8859-2", "iso-8859-15", "windows-1250",
            "windows-1251", "koi8-r", "koi8-u", "x-user-defined",
            // The replacement encoding reads the whole document as one U+FFFD: no markup at all.
            "csiso2022kr", "hz-gb-2312", "iso-2022-cn", "iso-2022-cn-ext", "iso-2022-kr", "replacement");

    private static final Pattern DECLARED = Pattern.compile(
            "(?i)(?:<meta[^>]*?charset|<\\?xml[^>]*?encoding)\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)");
    /** An ISO-2022-JP escape sequence (ASCII, JIS X 0201 Roman or Katakana, JIS X 0208). */
    private static final Pattern JIS_ESCAPE = Pattern.compile("\u001b(?:\\([BJI]|\\$[@B])");

    private DocumentEncoding() {}

    /**
     * The Content-Type Chromium takes from a response's Content-Type values (each header, and each comma-separated
     * value in one): the last value with a type (a '/') sets the type; a charset is kept while later values repeat
     * the type without one, and dropped when the type changes.
     */
    static ContentType contentType(List<String> headerValues) {
        List<String> values = new ArrayList<>();
        for (String header : headerValues) {
            values.addAll(splitOutsideQuotes(header));
        }
        String mime = "";
        String charset = null;
        for (String value : values) {
            String stripped = value.strip();
            if (stripped.isEmpty() || stripped.equals("*/*") || stripped.indexOf('/') < 0) {
                continue;
            }
            int end = 0;
            while (end < stripped.length() && " \t;(".indexOf(stripped.charAt(end)) < 0) {
                end++;
            }
            String type = stripped.substring(0, end).toLowerCase(Locale.ROOT);
            String own = charsetParameter(stripped.substring(end));
            boolean same = !mime.isEmpty() && type.equals(mime);
            if (!same) {
                mime = type;
                charset = own;
            } else if (own != null) {
                charset = own;
            }
        }
        boolean canonical = values.size() <= 1;
        return new ContentType(mime, charset == null ? null : charset.toLowerCase(Locale.ROOT), canonical);
    }

    /** The first {@code charset} parameter's value (quoted or not), or null. */
    private static String charsetParameter(String parameters) {
        int at = parameters.indexOf(';');
        while (at >= 0 && at < parameters.length()) {
            int eq = parameters.indexOf('=', at + 1);
            int next = nextSemicolon(parameters, at + 1);
            if (eq < 0 || (next >= 0 && eq > next)) {
                at = next;
                continue;
            }
            String name = parameters.substring(at + 1, eq).strip();
            String value;
            int valueStart = eq + 1;
            while (valueStart < parameters.length() && parameters.charAt(valueStart) == ' ') {
                valueStart++;
            }
            if (valueStart < parameters.length() && parameters.charAt(valueStart) == '"') {
                int close = parameters.indexOf('"', valueStart + 1);
                value = parameters.substring(valueStart + 1, close < 0 ? parameters.length() : close);
                next = close < 0 ? -1 : nextSemicolon(parameters, close + 1);
            } else {
                value = parameters.substring(valueStart, next < 0 ? parameters.length() : next).strip();
            }
            if (name.equalsIgnoreCase("charset")) {
                return value;
            }
            at = next;
        }
        return null;
    }

    private static int nextSemicolon(String text, int from) {
        return text.indexOf(';', from);
    }

    /** A header value split at commas that are not inside a quoted string. */
    private static List<String> splitOutsideQuotes(String header) {
        List<String> out = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(header.substring(start, i));
                start = i + 1;
            }
        }
        out.add(header.substring(start));
        return out;
    }

    /** The encoding a label names, as the Encoding Standard looks labels up, if it is one that needs care. */
    static String risky(String label) {
        return label == null ? null : RISKY_LABELS.get(normal(label));
    }

    /** Whether Chromium certainly reads this label as an ASCII-compatible encoding without escapes. */
    static boolean byteBased(String label) {
        return label != null && BYTE_LABELS.contains(normal(label));
    }

    private static String normal(String label) {
        return label.replaceAll("^[\\t\\n\\f\\r ]+|[\\t\\n\\f\\r ]+$", "").toLowerCase(Locale.ROOT);
    }

    /**
     * A document's reading.
     *
     * @param fixed whether a byte-order mark, a known charset label or a UTF-16 XML declaration fixes it; when nothing
     *              does, Chromium may also choose a UTF-16 reading of a page that declares nothing it knows
     */
    record Decision(Reading reading, boolean fixed) {}

    /**
     * How the body is read: a byte-order mark first (it overrides every label), then the header's charset, then,
     * with neither, what Chromium may find or detect: a UTF-16 XML declaration, or an escape byte that may make it
     * ISO-2022-JP.
     */
    static Decision reading(byte[] body, String charset) {
        if (startsWith(body, 0xef, 0xbb, 0xbf)) {
            return new Decision(Reading.BYTES, true);
        }
        if (startsWith(body, 0xfe, 0xff)) {
            return new Decision(Reading.UTF_16BE, true);
        }
        if (startsWith(body, 0xff, 0xfe)) {
            return new Decision(Reading.UTF_16LE, true);
        }
        String named = risky(charset);
        if (named != null) {
            return new Decision(switch (named) {
                case "UTF-16LE" -> Reading.UTF_16LE;
                case "UTF-16BE" -> Reading.UTF_16BE;
                default -> Reading.TRANSCODE;
            }, true);
        }
        if (byteBased(charset)) {
            return new Decision(Reading.BYTES, true);
        }
        if (startsWith(body, '<', 0, '?', 0, 'x', 0)) {
            return new Decision(Reading.UTF_16LE, true);
        }
        if (startsWith(body, 0, '<', 0, '?', 0, 'x')) {
            return new Decision(Reading.UTF_16BE, true);
        }
        for (byte b : body) {
            if (b == 0x1b) {
                return new Decision(Reading.TRANSCODE, false);
            }
        }
        return new Decision(Reading.BYTES, false);
    }

    /**
     * The encoding a document is decoded from before it is sent on as UTF-8: ISO-2022-JP when its label says so, or
     * when nothing fixes its encoding and it declares ISO-2022-JP or holds one of its escapes; otherwise the encoding
     * its {@code <meta>} or XML declaration names, or windows-1252, what Chromium reads an undeclared page as.
     */
    static Charset transcodedFrom(byte[] body, String charset) {
        if ("ISO-2022-JP".equals(risky(charset))) {
            return Charset.forName("ISO-2022-JP");
        }
        String head = new String(body, 0, Math.min(body.length, 1024), StandardCharsets.ISO_8859_1);
        Matcher declared = DECLARED.matcher(head);
        if (declared.find()) {
            String label = declared.group(1);
            if ("ISO-2022-JP".equals(risky(label))) {
                return Charset.forName("ISO-2022-JP");
            }
            if (byteBased(label) && Charset.isSupported(label)) {
                return Charset.forName(label);
            }
        }
        if (JIS_ESCAPE.matcher(new String(body, StandardCharsets.ISO_8859_1)).find()) {
            return Charset.forName("ISO-2022-JP");
        }
        return Charset.forName("windows-1252");
    }

    private static boolean startsWith(byte[] body, int... prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((body[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> labels(String... encodingThenLabels) {
        Map<String, String> out = new java.util.HashMap<>();
        for (int i = 0; i < encodingThenLabels.length; i += 2) {
            for (String label : encodingThenLabels[i + 1].split(" ")) {
                out.put(label, encodingThenLabels[i]);
            }
        }
        return Map.copyOf(out);
    }
}
