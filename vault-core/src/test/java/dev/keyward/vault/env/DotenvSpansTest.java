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
}
