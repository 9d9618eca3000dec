package dev.keyward.automation.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The documents the gate fetches reach the page without a speculation-rules script (corpus s29, s30, s34): every
 * spelling the HTML tokenizer reads as one becomes a data block, and nothing else changes.
 */
class SpeculationRulesTest {

    private static final String RULES = "{\"prefetch\": [{\"source\": \"list\", \"urls\": [\"/account/delete\"]}]}";

    private static String inert(String html) {
        Optional<byte[]> out = SpeculationRules.inert(html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");
        return out.map(b -> new String(b, StandardCharsets.UTF_8)).orElse(null);
    }

    @Test
    void aRuleScriptBecomesADataBlockAndTheRestOfThePageStays() {
        String page = "<p>Größe</p><script type=\"speculationrules\">" + RULES + "</script><script>go()</script>";
        assertEquals("<p>Größe</p><script type=\"text/x-keyward-inert\">" + RULES + "</script><script>go()</script>",
                inert(page));
    }

    @Test
    void everySpellingTheTokenizerReadsAsRulesIsCaught() {
        for (String tag : new String[] {"<script type=speculationrules>", "<SCRIPT TYPE='SpeculationRules'>",
                "<script\ntype = \" speculationrules \" async>", "<script/type=speculationrules>",
                "<script data-x=\"a>b\" type=speculationrules>", "<script type=&#x53;peculation&#114;ules>",
                "<script type=\"&Tab;speculationrules&NewLine;\">", "<script nonce=abc type=speculation&#x72;ules>"}) {
            String out = inert(tag + RULES + "</script>");
            assertTrue(out != null && out.contains("text/x-keyward-inert") && !out.toLowerCase().contains("type=speculationrules")
                    && !out.toLowerCase().contains("\"speculationrules"), tag + " -> " + out);
        }
    }

    @Test
    void onlyTheFirstTypeAttributeCountsAsInTheBrowser() {
        assertEquals(Optional.empty(), SpeculationRules.inert(
                "<script type=module type=speculationrules>x</script>".getBytes(StandardCharsets.UTF_8), "text/html"));
        assertEquals("<script type=text/x-keyward-inert type=module>x</script>",
                inert("<script type=speculationrules type=module>x</script>"));
    }

    @Test
    void pagesWithoutRulesAreLeftAsTheyAre() {
        for (String page : new String[] {"<script>const t = 'speculationrules';</script>",
                "<script type=\"module\">import './a.js'</script>", "<scripts type=speculationrules>",
                "<script type=\"application/ld+json\">{}</script>", "<p>no scripts</p>"}) {
            assertEquals(Optional.empty(), SpeculationRules.inert(page.getBytes(StandardCharsets.UTF_8), "text/html"), page);
        }
    }

    @Test
    void aUtf16PageIsReadInItsOwnEncoding() {
        String page = "\uFEFF<script type=speculationrules>" + RULES + "</script>";
        byte[] body = page.getBytes(StandardCharsets.UTF_16LE);
        String out = new String(SpeculationRules.inert(body, "text/html").orElseThrow(), StandardCharsets.UTF_16LE);
        assertEquals("\uFEFF<script type=text/x-keyward-inert>" + RULES + "</script>", out);
        byte[] declared = page.substring(1).getBytes(StandardCharsets.UTF_16BE);
        assertTrue(new String(SpeculationRules.inert(declared, "text/html; charset=UTF-16BE").orElseThrow(),
                StandardCharsets.UTF_16BE).contains("text/x-keyward-inert"));
    }
}
