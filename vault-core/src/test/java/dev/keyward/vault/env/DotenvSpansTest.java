package dev.keyward.vault.env;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where each value is written, in the original text's offsets, by dotenv's rules. */
class DotenvSpansTest {

    private static List<String> written(String text) throws DotenvSyntaxException {
        return DotenvSpans.of(text).stream()
                .map(s -> s.key() + "@" + s.line() + "=[" + text.substring(s.start(), s.end()) + "]").toList();
    }

    @Test
    void aValueSpansItsQuotesButNotTheCommentOrWhiteSpaceAfterIt() throws DotenvSyntaxException {
        assertEquals(List.of("A@1=[plain]", "B@2=['single q']", "C@3=[\"double\"]", "D@4=[`tick`]", "E@5=[x]",
                        "F@6=[]", "G@7=[]"),
                written("A=plain   # note\nexport B = 'single q' #c\nC:  \"double\"\nD=`tick`#x\nE=x#y\nF=\nG=#only\n"));
    }

    @Test
    void aMultiLineValueIsOneSpanAndCrlfOffsetsPointIntoTheOriginal() throws DotenvSyntaxException {
        String text = "# c\r\nA=\"one\ntwo\"\r\nB=b\r\n";
        assertEquals(List.of("A@2=[\"one\ntwo\"]", "B@4=[b]"), written(text));
    }

    @Test
    void aRepeatedKeyHasASpanPerDefinitionAndQuotedThenTextFallsBackToTheLine() throws DotenvSyntaxException {
        assertEquals(List.of("K@1=[1]", "Q@2=['it's here']", "K@3=[2]"), written("K=1\nQ='it's here'\nK=2"));
    }

    @Test
    void aRefusalNamesTheLineAndTheColumnWhereTheDefinitionStarts() {
        DotenvSyntaxException e = org.junit.jupiter.api.Assertions.assertThrows(DotenvSyntaxException.class,
                () -> DotenvSpans.of("OK=1\n   BAD LINE\n"));
        assertEquals(2, e.line());
        assertEquals(4, e.column());
    }

    /** Adopt's property: putting a plain token where each value is written gives each key its last token. */
    @Test
    void replacingEverySpanGivesEveryKeyItsLastReplacement() throws Exception {
        java.util.Random random = new java.util.Random(17);
        String[] values = {"plain", "'single # q'", "\"dq\\nx\"", "`tick`", "", "#c", "\"multi\nline\"", "x # c", "'a'#c",
            "\"q\" # c", "'it's'", "  padded  "};
        String[] ends = {"\n", "\r\n", "\n\n# comment\n"};
        int checked = 0;
        for (int round = 0; round < 400; round++) {
            StringBuilder text = new StringBuilder();
            int lines = 1 + random.nextInt(6);
            for (int i = 0; i < lines; i++) {
                String key = "K" + random.nextInt(4);
                String separator = random.nextBoolean() ? "=" : (random.nextBoolean() ? " = " : ": ");
                String value = values[random.nextInt(values.length)];
                if (separator.equals(": ") && value.isEmpty()) {
                    value = "v";
                }
                text.append(random.nextInt(5) == 0 ? "export " : "").append(key).append(separator).append(value)
                        .append(ends[random.nextInt(ends.length)]);
            }
            String original = text.toString();
            List<DotenvSpans.ValueSpan> spans;
            try {
                spans = DotenvSpans.of(original);
            } catch (DotenvSyntaxException e) {
                continue;
            }
            StringBuilder replaced = new StringBuilder();
            java.util.Map<String, String> expected = new java.util.LinkedHashMap<>();
            int copied = 0;
            for (int i = 0; i < spans.size(); i++) {
                DotenvSpans.ValueSpan span = spans.get(i);
                String token = "T" + i;
                replaced.append(original, copied, span.start()).append(token);
                if (span.end() < original.length() && original.charAt(span.end()) == '#') {
                    replaced.append(' ');
                }
                copied = span.end();
                expected.put(span.key(), token);
            }
            replaced.append(original.substring(copied));
            DotenvParser.Parsed back = DotenvParser.parseToChars(replaced);
            java.util.Map<String, String> got = new java.util.LinkedHashMap<>();
            back.values().forEach((k, v) -> got.put(k, new String(v)));
            assertEquals(expected, got, original);
            checked++;
        }
        org.junit.jupiter.api.Assertions.assertTrue(checked > 100, "enough texts were read: " + checked);
    }
}
