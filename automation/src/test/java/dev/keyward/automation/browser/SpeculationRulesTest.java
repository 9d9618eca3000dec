package dev.keyward.automation.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The documents the gate fetches reach the page without a speculation-rules script (corpus s29, s30, s34): every
 * spelling the HTML tokenizer reads as one becomes a data block, and nothing else changes.
 */
class SpeculationRulesTest {

    private static final String RULES = "{\"prefetch\": [{\"source\": \"list\", \"urls\": [\"/account/delete\"]}]}";

    private static String inert(String html) {
        Optional<SpeculationRules.Document> out = SpeculationRules.inert(html.getBytes(StandardCharsets.UTF_8),
                List.of("text/html; charset=utf-8"));
        return out.map(d -> new String(d.body(), StandardCharsets.UTF_8)).orElse(null);
    }

    private static Optional<SpeculationRules.Document> inert(byte[] body, String... contentTypes) {
        return SpeculationRules.inert(body, List.of(contentTypes));
    }

    @Test
    void aRuleScriptBecomesADataBlockAndTheRestOfThePageStays() {
        String page = "<p>Größe</p><script type=\"speculationrules\">" + RULES + "</script><script>go()</script>";
        assertEquals("<p>Größe</p><script type=\"x-keyward-inert \">" + RULES + "</script><script>go()</script>",
                inert(page));
    }

    @Test
    void everySpellingTheTokenizerReadsAsRulesIsCaught() {
        for (String tag : new String[] {"<script type=speculationrules>", "<SCRIPT TYPE='SpeculationRules'>",
                "<script\ntype = \" speculationrules \" async>", "<script/type=speculationrules>",
                "<script data-x=\"a>b\" type=speculationrules>", "<script type=&#x53;peculation&#114;ules>",
                "<script type=\"&Tab;speculationrules&NewLine;\">", "<script nonce=abc type=speculation&#x72;ules>"}) {
            String out = inert(tag + RULES + "</script>");
            assertTrue(out != null && out.contains("x-keyward-inert") && !out.toLowerCase().contains("type=speculationrules")
                    && !out.toLowerCase().contains("\"speculationrules"), tag + " -> " + out);
        }
    }

    @Test
    void onlyTheFirstTypeAttributeCountsAsInTheBrowser() {
        assertEquals(Optional.empty(), inert(
                "<script type=module type=speculationrules>x</script>".getBytes(StandardCharsets.UTF_8), "text/html"));
        assertEquals("<script type=x-keyward-inert  type=module>x</script>",
                inert("<script type=speculationrules type=module>x</script>"));
    }

    @Test
    void pagesWithoutRulesAreLeftAsTheyAre() {
        for (String page : new String[] {"<script>const t = 'speculationrules';</script>",
                "<script type=\"module\">import './a.js'</script>", "<scripts type=speculationrules>",
                "<script type=\"application/ld+json\">{}</script>", "<p>no scripts</p>"}) {
            assertEquals(Optional.empty(), inert(page.getBytes(StandardCharsets.UTF_8), "text/html"), page);
        }
    }

    @Test
    void aUtf16PageIsReadInItsOwnEncoding() {
        String page = "\uFEFF<script type=speculationrules>" + RULES + "</script>";
        byte[] body = page.getBytes(StandardCharsets.UTF_16LE);
        String out = new String(inert(body, "text/html").orElseThrow().body(), StandardCharsets.UTF_16LE);
        assertEquals("\uFEFF<script type=x-keyward-inert >" + RULES + "</script>", out);
        byte[] declared = page.substring(1).getBytes(StandardCharsets.UTF_16BE);
        assertTrue(new String(inert(declared, "text/html; charset=UTF-16BE").orElseThrow().body(),
                StandardCharsets.UTF_16BE).contains("x-keyward-inert"));
    }

    /** Every label the Encoding Standard gives UTF-16LE or UTF-16BE, as a header's charset, spelled loosely. */
    @Test
    void everyUtf16LabelOfTheEncodingStandardIsRead() {
        String page = "<p>Usage</p><script type=speculationrules>" + RULES + "</script>";
        for (String label : new String[] {"unicode", "UCS-2", "utf-16", "utf-16le", "csunicode", "iso-10646-ucs-2",
                "unicodefeff", " Unicode\t", "\"unicode\""}) {
            byte[] body = page.getBytes(StandardCharsets.UTF_16LE);
            String out = new String(inert(body, "text/html; charset=" + label).orElseThrow(() ->
                    new AssertionError(label)).body(), StandardCharsets.UTF_16LE);
            assertTrue(out.contains("x-keyward-inert") && !out.contains("speculationrules>"), label + " -> " + out);
        }
        for (String label : new String[] {"unicodefffe", "UTF-16BE"}) {
            byte[] body = page.getBytes(StandardCharsets.UTF_16BE);
            String out = new String(inert(body, "text/html;charset=" + label).orElseThrow().body(),
                    StandardCharsets.UTF_16BE);
            assertTrue(out.contains("x-keyward-inert"), label + " -> " + out);
        }
    }

    @Test
    void aByteOrderMarkOverridesTheLabel() {
        // The header says UTF-16; the UTF-8 byte-order mark wins in Chromium, so the page is read byte by byte.
        byte[] utf8 = ("\uFEFF<script type=speculationrules>" + RULES + "</script>").getBytes(StandardCharsets.UTF_8);
        String out = new String(inert(utf8, "text/html; charset=unicode").orElseThrow().body(), StandardCharsets.UTF_8);
        assertTrue(out.contains("x-keyward-inert"), out);
        // The header says UTF-8; a UTF-16BE byte-order mark wins.
        byte[] be = ("\uFEFF<script type=speculationrules>" + RULES + "</script>").getBytes(StandardCharsets.UTF_16BE);
        assertTrue(new String(inert(be, "text/html; charset=utf-8").orElseThrow().body(), StandardCharsets.UTF_16BE)
                .contains("x-keyward-inert"));
    }

    @Test
    void aUtf16XmlDeclarationWithoutAByteOrderMarkIsReadAsUtf16() {
        byte[] body = ("<?xml version=\"1.0\"?><html><script type=speculationrules>" + RULES + "</script></html>")
                .getBytes(StandardCharsets.UTF_16LE);
        assertTrue(new String(inert(body).orElseThrow().body(), StandardCharsets.UTF_16LE).contains("x-keyward-inert"));
    }

    @Test
    void anUndeclaredPageWhoseUtf16ReadingHoldsRulesIsSentAsUtf8() {
        // No charset Chromium knows: it may read the page as UTF-16 by a label it knows and this class does not.
        byte[] body = ("<p>x</p><script type=speculationrules>" + RULES + "</script>").getBytes(StandardCharsets.UTF_16LE);
        SpeculationRules.Document out = inert(body, "text/html; charset=x-utf16-alias").orElseThrow();
        assertEquals("text/html; charset=utf-8", out.contentType());
        String text = new String(out.body(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF<p>x</p><script type=x-keyward-inert"), text);
    }

    /** ISO-2022-JP escape sequences produce no text: {@code <scr ESC ( B ipt} is a script tag to Chromium. */
    @Test
    void iso2022JpEscapesInsideTheTagAreReadAsChromiumReadsThem() {
        String tag = "<scr\u001b(Bipt ty\u001b(Jpe=specul\u001b(Bationrules>";
        byte[] body = ("<p>x</p>" + tag + RULES + "</script>").getBytes(StandardCharsets.ISO_8859_1);
        for (String type : new String[] {"text/html; charset=iso-2022-jp", "text/html; charset=csISO2022JP",
                "text/html", "text/html; charset=x-unknown"}) {
            SpeculationRules.Document out = inert(body, type).orElseThrow(() -> new AssertionError(type));
            assertEquals("text/html; charset=utf-8", out.contentType(), type);
            String text = new String(out.body(), StandardCharsets.UTF_8);
            assertTrue(text.startsWith("\uFEFF<p>x</p>"), text);
            assertTrue(!text.contains("ationrules>"), type + " -> " + text);
        }
        // The same bytes under a charset that has no escapes are read byte by byte: ESC is a control character there.
        assertEquals(Optional.empty(), inert(body, "text/html; charset=utf-8"));
    }

    @Test
    void anIso2022JpPageWithoutRulesIsStillSentAsTheUtf8ChromiumWillParse() {
        String japanese = "\u3042\u3044";
        byte[] body = ("<p>" + japanese + "</p>").getBytes(java.nio.charset.Charset.forName("ISO-2022-JP"));
        SpeculationRules.Document out = inert(body, "text/html; charset=ISO-2022-JP").orElseThrow();
        assertEquals("\uFEFF<p>" + japanese + "</p>", new String(out.body(), StandardCharsets.UTF_8));
    }

    @Test
    void ofSeveralContentTypesTheOneChromiumUsesIsSentAlone() {
        byte[] body = ("<script type=speculationrules>" + RULES + "</script>").getBytes(StandardCharsets.UTF_16LE);
        // The second header repeats the type without a charset: Chromium keeps the first one's charset.
        SpeculationRules.Document out = inert(body, "text/html; charset=unicode", "text/html").orElseThrow();
        assertEquals("text/html; charset=unicode", out.contentType());
        assertTrue(new String(out.body(), StandardCharsets.UTF_16LE).contains("x-keyward-inert"));
        // One header with two values, and a later type that drops the charset.
        out = inert(body, "text/plain; charset=utf-8, text/html; charset=utf-16").orElseThrow();
        assertEquals("text/html; charset=utf-16", out.contentType());
        out = inert("<p>plain</p>".getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-16", "text/xml")
                .orElseThrow();
        assertEquals("text/xml", out.contentType());
        // A value without a '/' is no type at all.
        assertEquals("text/html", inert("<p>x</p>".getBytes(StandardCharsets.UTF_8), "text/html", "garbage")
                .orElseThrow().contentType());
    }

    @Test
    void aPrefixedXhtmlScriptIsCaught() {
        String out = inert("<h:script xmlns:h=\"http://www.w3.org/1999/xhtml\" type=\"speculationrules\">" + RULES
                + "</h:script>");
        assertTrue(out != null && out.contains("x-keyward-inert"), out);
    }

    @Test
    void aRuleScriptInADeclarativeShadowRootIsCaught() {
        String out = inert("<div><template shadowrootmode=\"closed\"><script type=speculationrules>" + RULES
                + "</script></template></div>");
        assertTrue(out != null && out.contains("x-keyward-inert") && !out.contains("speculationrules>"), out);
    }

    @Test
    void nothingAfterTheTypeMoves() {
        String page = "<script type=\"&#x53;peculationrules\">" + RULES + "</script><p>after</p>";
        String out = inert(page);
        assertEquals(page.length(), out.length());
        assertEquals(page.indexOf("<p>after"), out.indexOf("<p>after"));
    }

    @Test
    void textThatOnlyLooksLikeAScriptTagCannotHideTheRealOneAfterIt() {
        // Each opens a quote in what is not a tag at all (a comment, <title> text, another element's attribute,
        // a script's own text); read as a tag, its unclosed quote ran past the real rule script below.
        for (String decoy : new String[] {"<!-- <script a=\" -->", "<title><script data-x='</title>",
                "<div title='<script x=\"'>text</div>", "<script>const s = '<script a=\"';</script>",
                "<textarea><script a='</textarea>"}) {
            String page = "<head>" + decoy + "</head><body><p>Usage</p><script type=speculationrules>" + RULES
                    + "</script></body>";
            String out = inert(page);
            assertTrue(out != null && !out.contains("type=speculationrules") && out.contains("type=x-keyward-inert"),
                    decoy + " -> " + out);
            assertEquals(page.length(), out.length(), decoy);
        }
    }

    @Test
    void aRuleScriptWhoseEarlierAttributeHoldsAnotherTagLikeTextIsCaughtWithIt() {
        // The inner text is read as a tag of its own too: both types become data blocks, each where it stood.
        String page = "<script data-x=\"<script type=speculationrules>\" type=speculationrules>" + RULES + "</script>";
        assertEquals("<script data-x=\"<script type=x-keyward-inert >\" type=x-keyward-inert >" + RULES + "</script>",
                inert(page));
    }

    @Test
    void aTypeReadByTwoTagLikeTextsIsReplacedOnce() {
        String page = "<script data-x='<script ' type=speculationrules>" + RULES + "</script>";
        assertEquals("<script data-x='<script ' type=x-keyward-inert >" + RULES + "</script>", inert(page));
    }

    @Test
    // A guard against a hang, not a measure: read each on its own, this page takes hours.
    @Timeout(120)
    void aPageOfEndlessTagLikeTextIsStillRead() {
        // 2 MiB of '<script/' that never ends a tag, then a real rule script: reading each on its own to the end
        // would read about 2^40 characters; the bounded reading still finds the real one.
        String page = "<script/".repeat(1 << 18) + "><script type=speculationrules>" + RULES + "</script>";
        String out = inert(page);
        assertTrue(out != null && out.endsWith("<script type=x-keyward-inert >" + RULES + "</script>"));
    }
}
