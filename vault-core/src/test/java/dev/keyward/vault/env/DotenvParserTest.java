package dev.keyward.vault.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DotenvParserTest {

    /** One line (or a few) of .env text and the single value dotenv v16 reads from it. */
    static Stream<Arguments> readsValuesLikeDotenv() {
        return Stream.of(
                Arguments.of("basic", "PORT=8080", "PORT", "8080"),
                Arguments.of("empty", "EMPTY=", "EMPTY", ""),
                Arguments.of("empty with trailing blanks", "EMPTY=   \t", "EMPTY", ""),
                Arguments.of("empty single quotes", "E=''", "E", ""),
                Arguments.of("empty double quotes", "E=\"\"", "E", ""),
                Arguments.of("empty backticks", "E=``", "E", ""),
                Arguments.of("single quotes", "S='plain'", "S", "plain"),
                Arguments.of("single quotes keep spaces", "S='  two spaces  '", "S", "  two spaces  "),
                Arguments.of("double quotes", "D=\"plain\"", "D", "plain"),
                Arguments.of("double quotes keep spaces", "D=\"  two  \"", "D", "  two  "),
                Arguments.of("backticks", "B=`plain`", "B", "plain"),
                Arguments.of("backticks keep spaces", "B=`  two  `", "B", "  two  "),
                Arguments.of("double inside single", "Q='he said \"go\"'", "Q", "he said \"go\""),
                Arguments.of("single inside double", "Q=\"it's 'fine'\"", "Q", "it's 'fine'"),
                Arguments.of("backticks inside single", "Q='run `ls`'", "Q", "run `ls`"),
                Arguments.of("backticks inside double", "Q=\"run `ls`\"", "Q", "run `ls`"),
                Arguments.of("both quotes inside backticks", "Q=`say \"hi\" and 'bye'`", "Q",
                        "say \"hi\" and 'bye'"),
                Arguments.of("unbalanced brace in double quotes", "Q=\"{ port: $PORT}\"", "Q",
                        "{ port: $PORT}"),
                Arguments.of("\\n expands in double quotes", "N=\"one\\ntwo\\nthree\"", "N",
                        "one\ntwo\nthree"),
                Arguments.of("\\r expands in double quotes", "N=\"a\\rb\"", "N", "a\rb"),
                Arguments.of("\\n stays unquoted", "N=one\\ntwo", "N", "one\\ntwo"),
                Arguments.of("\\n stays in single quotes", "N='one\\ntwo'", "N", "one\\ntwo"),
                Arguments.of("\\n stays in backticks", "N=`one\\ntwo`", "N", "one\\ntwo"),
                Arguments.of("escaped quote keeps its backslash", "E=\"say \\\"hi\\\"\"", "E",
                        "say \\\"hi\\\""),
                Arguments.of("backslash before closing quote", "E=\"dir\\\"", "E", "dir\\"),
                Arguments.of("double backslash then n", "E=\"a\\\\nb\"", "E", "a\\\nb"),
                Arguments.of("inline comment", "C=some words # a note #more", "C", "some words"),
                Arguments.of("hash without space starts a comment", "C=abc#def", "C", "abc"),
                Arguments.of("value that is only a comment", "C=#fff", "C", ""),
                Arguments.of("hash inside single quotes", "C='a #b' # note", "C", "a #b"),
                Arguments.of("hash inside double quotes", "C=\"a #b\" # note", "C", "a #b"),
                Arguments.of("hash inside backticks", "C=`a #b` # note", "C", "a #b"),
                Arguments.of("comment right after quote", "C='x'#note", "C", "x"),
                Arguments.of("equals signs in value", "EQ=a==b=", "EQ", "a==b="),
                Arguments.of("inner quotes kept unquoted", "J={\"k\": \"v\"}", "J", "{\"k\": \"v\"}"),
                Arguments.of("inner quotes in single quotes", "J='{\"k\": \"v\"}'", "J", "{\"k\": \"v\"}"),
                Arguments.of("unquoted is trimmed", "T=    spaced out   ", "T", "spaced out"),
                Arguments.of("email", "MAIL=someone@example.test", "MAIL", "someone@example.test"),
                Arguments.of("spaces around key and equals", "   SPACED   =   yes", "SPACED", "yes"),
                Arguments.of("tab indentation", "\tTAB=1", "TAB", "1"),
                Arguments.of("export prefix", "export TOKEN=abc", "TOKEN", "abc"),
                Arguments.of("export with tab and spaces", "export\t  TOKEN = abc", "TOKEN", "abc"),
                Arguments.of("export as a key", "export=1", "export", "1"),
                Arguments.of("export as a key with spaces", "export = 1", "export", "1"),
                Arguments.of("colon separator", "NAME: value", "NAME", "value"),
                Arguments.of("colon separator with quotes", "NAME:\t'quoted'", "NAME", "quoted"),
                Arguments.of("dots in key", "app.port=9", "app.port", "9"),
                Arguments.of("dashes in key", "my-key=9", "my-key", "9"),
                Arguments.of("digits-only key", "123=x", "123", "x"),
                Arguments.of("byte-order mark", "\uFEFFBOM=yes", "BOM", "yes"),
                Arguments.of("no-break space is white space", "\u00A0NB=\u00A0x\u00A0", "NB", "x"),
                Arguments.of("quote closed later on the line", "F='it's here'", "F", "it's here"),
                Arguments.of("multi-line double", "M=\"one\ntwo\nthree\"", "M", "one\ntwo\nthree"),
                Arguments.of("multi-line single", "M='one\ntwo'", "M", "one\ntwo"),
                Arguments.of("multi-line backticks with quotes", "M=`one\n\"two's\"\nthree`", "M",
                        "one\n\"two's\"\nthree"),
                Arguments.of("multi-line with CRLF", "M=\"one\r\ntwo\"\r\n", "M", "one\ntwo"),
                Arguments.of("line separator inside quotes", "L=\"a\u2028b\"", "L", "a\u2028b"),
                Arguments.of("unicode value", "U=héllo wörld 😀 中文", "U", "héllo wörld 😀 中文"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void readsValuesLikeDotenv(String description, String text, String key, String value)
            throws DotenvSyntaxException {
        List<DotenvEntries.Entry> entries = DotenvEntries.parse(text);
        assertEquals(1, entries.size(), description);
        assertEquals(key, entries.get(0).key(), description);
        assertEquals(value, entries.get(0).value(), description);
    }

    @Test
    void readsAPemKeyInDoubleQuotesAcrossLines() throws DotenvSyntaxException {
        String pem = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n"
                + "u4QuUoobAgMBAAE=\n-----END PUBLIC KEY-----";
        List<DotenvEntries.Entry> entries = DotenvEntries.parse("BEFORE=1\nPEM=\"" + pem + "\"\nAFTER=2\n");
        assertEquals(List.of("BEFORE", "PEM", "AFTER"), entries.stream().map(DotenvEntries.Entry::key).toList());
        assertEquals(pem, entries.get(1).value());
        assertEquals(6, entries.get(2).line());
    }

    @Test
    void skipsBlankLinesAndCommentsAndCountsLinesFromOne() throws DotenvSyntaxException {
        List<DotenvEntries.Entry> entries = DotenvEntries.parse("""
                # settings

                FIRST=1
                  # indented comment
                SECOND='two
                lines'
                THIRD=3
                """);
        assertEquals(List.of(new DotenvEntries.Entry("FIRST", "1", 3), new DotenvEntries.Entry("SECOND", "two\nlines", 5),
                new DotenvEntries.Entry("THIRD", "3", 7)), entries);
    }

    @Test
    void readsAllThreeKindsOfLineEndings() throws DotenvSyntaxException {
        List<DotenvEntries.Entry> expected = List.of(new DotenvEntries.Entry("HOST", "localhost", 1),
                new DotenvEntries.Entry("USER", "me", 2), new DotenvEntries.Entry("DB", "tests", 3));
        assertEquals(expected, DotenvEntries.parse("HOST=localhost\nUSER=me\nDB=tests\n"));
        assertEquals(expected, DotenvEntries.parse("HOST=localhost\r\nUSER=me\r\nDB=tests\r\n"));
        assertEquals(expected, DotenvEntries.parse("HOST=localhost\rUSER=me\rDB=tests\r"));
    }

    @Test
    void lastDefinitionWinsAndKeepsThePlaceOfTheFirst() throws DotenvSyntaxException {
        List<DotenvEntries.Entry> entries = DotenvEntries.parse("A=1\nB=2\nA=3\n");
        assertEquals(List.of(new DotenvEntries.Entry("A", "3", 3), new DotenvEntries.Entry("B", "2", 2)), entries);
    }

    @Test
    void emptyAndCommentOnlyFilesGiveNoEntries() throws DotenvSyntaxException {
        assertEquals(List.of(), DotenvEntries.parse(""));
        assertEquals(List.of(), DotenvEntries.parse("\uFEFF# only a comment\r\n\r\n   \n"));
    }

    static Stream<Arguments> refusesMalformedFilesNamingTheLine() {
        return Stream.of(
                Arguments.of("A=1\nB=2\nJUST_A_WORD\n", 3, "there is no '=' between a key and a value"),
                Arguments.of("A=1\n\nMY KEY=1\n", 3, "the key before '=' contains a character"),
                Arguments.of("KÉY=1", 1, "the key before '=' contains a character"),
                Arguments.of("KEY!=1", 1, "the key before '=' contains a character"),
                Arguments.of("A=1\n=orphan\n", 2, "expected a key"),
                Arguments.of("$HOME=1", 1, "expected a key"),
                Arguments.of("A=\n\"quoted on its own line\"\n", 2, "the line starts with a quote"),
                Arguments.of("A=1\nB=\"never closed\nC=3\n", 2, "the value opened with \" is never closed"),
                Arguments.of("A='open", 1, "the value opened with ' is never closed"),
                Arguments.of("A=`open\n\n", 1, "the value opened with ` is never closed"),
                Arguments.of("A=\"only \\\" escaped\"x", 1, "text follows the closing \""),
                Arguments.of("A=\"closed\" then text", 1, "text follows the closing \" of the value"),
                Arguments.of("A=\"abc\nB=2\nC=\"x\" y\n", 1, "is closed only on line 3"),
                Arguments.of("export TOKEN\n", 1, "there is no '='"),
                Arguments.of("export\nTOKEN=1\n", 1, "there is no '='"),
                Arguments.of("KEY:\nNEXT=1\n", 1, "the key is followed by ':' and nothing else"),
                Arguments.of("URL:https://example.test\n", 1, "a ':' after the key must be followed by a space"),
                Arguments.of("OK=1\n__proto__=x\n", 2, "the key __proto__ is dropped by dotenv"),
                Arguments.of("OK=1\r\nA=1\u2028B=2\r\n", 2, "Unicode line or paragraph separator"),
                Arguments.of("# note\u2029B=2\n", 1, "Unicode line or paragraph separator"),
                Arguments.of("A='x'\n\n\n\nB=\"y\" \u2028\n", 5, "Unicode line or paragraph separator"));
    }

    @ParameterizedTest(name = "line {1}: {2}")
    @MethodSource
    void refusesMalformedFilesNamingTheLine(String text, int line, String reason) {
        DotenvSyntaxException refused = assertThrows(DotenvSyntaxException.class, () -> DotenvEntries.parse(text));
        assertEquals(line, refused.line());
        assertTrue(refused.reason().contains(reason), refused.getMessage());
        assertEquals("line " + line + ": " + refused.reason(), refused.getMessage());
    }

    @Test
    void unclosedQuoteMessageIsTheExactSentence() {
        DotenvSyntaxException refused = assertThrows(DotenvSyntaxException.class,
                () -> DotenvEntries.parse("A=1\nB=2\nC=3\nD=4\nE=5\nF=6\nG=\"unfinished\n"));
        assertEquals("line 7: the value opened with \" is never closed", refused.getMessage());
    }

    @Test
    void refusalNeverRepeatsTheContentOfTheLine() {
        String secret = "sk-live-Zq8vN3mXr7TtL2pW9yK4";
        for (String text : List.of("A=1\n" + secret + "\n", "A=\"" + secret, "A='" + secret + "' x",
                "B " + secret + "=1", "A: " + secret + "\u2028")) {
            DotenvSyntaxException refused = assertThrows(DotenvSyntaxException.class, () -> DotenvEntries.parse(text));
            assertFalse(refused.getMessage().contains("Zq8vN3"), refused.getMessage());
        }
    }

    @Test
    void parsedToStringHidesTheValue() throws DotenvSyntaxException {
        DotenvParser.Parsed parsed = DotenvParser.parseToChars("TOKEN=Zq8vN3mXr7TtL2pW9yK4");
        String shown = parsed.toString();
        assertTrue(shown.contains("TOKEN"), shown);
        assertFalse(shown.contains("Zq8vN3"), shown);
    }
}
