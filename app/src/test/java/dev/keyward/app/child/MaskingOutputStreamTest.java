package dev.keyward.app.child;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.child.MaskingOutputStream.Destination;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MaskingOutputStreamTest {

    private static final String CANARY = "kw-canary-7Qx9/Zp+Lm2=vT a\"b\\c/é";
    private static final String MASK = OutputMask.CONCEALED;

    @Test
    void aValueAsItIsIsConcealed() throws IOException {
        assertEquals("token=" + MASK + "\n", masked("token=" + CANARY + "\n", CANARY));
    }

    @Test
    void aValueWrittenOneByteAtATimeIsConcealed() throws IOException {
        byte[] text = ("a " + CANARY + " b").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputMask mask = OutputMask.of(List.of(CANARY.toCharArray()));
        try (MaskingOutputStream out = mask.wrap(sink, Destination.TERMINAL)) {
            for (byte b : text) {
                out.write(b);
            }
        }
        assertEquals("a " + MASK + " b", sink.toString(StandardCharsets.UTF_8));
    }

    @Test
    void base64AndBase64UrlWithAndWithoutPaddingAreConcealed() throws IOException {
        byte[] raw = CANARY.getBytes(StandardCharsets.UTF_8);
        for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder(),
                Base64.getEncoder().withoutPadding(), Base64.getUrlEncoder().withoutPadding())) {
            String encoded = encoder.encodeToString(raw);
            String shown = masked("[" + encoded + "]", CANARY);
            assertEquals("[" + MASK + "]", shown, encoded);
        }
    }

    @Test
    void aValueInsideALongerBase64TextIsConcealedAtEveryAlignment() throws IOException {
        byte[] raw = "sk-live-0123456789abcdefXYZ".getBytes(StandardCharsets.UTF_8);
        for (int before = 0; before < 6; before++) {
            for (int after = 0; after < 3; after++) {
                byte[] framed = new byte[before + raw.length + after];
                for (int i = 0; i < framed.length; i++) {
                    framed[i] = (byte) ('A' + i % 26);
                }
                System.arraycopy(raw, 0, framed, before, raw.length);
                for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
                    String text = encoder.encodeToString(framed);
                    String shown = masked(text, "sk-live-0123456789abcdefXYZ");
                    assertTrue(shown.contains(MASK), before + "/" + after + ": " + shown);
                    // What stays visible is at most the few characters shared with the neighbouring bytes.
                    assertTrue(shown.length() - MASK.length() <= text.length() - (raw.length * 4 / 3 - 4),
                            before + "/" + after + ": " + shown);
                }
            }
        }
    }

    @Test
    void percentEncodingInBothHexCasesAndWithPlusForSpaceIsConcealed() throws IOException {
        String form = URLEncoder.encode(CANARY, StandardCharsets.UTF_8);
        assertEquals("q=" + MASK, masked("q=" + form, CANARY));
        assertEquals("q=" + MASK, masked("q=" + form.toLowerCase().replace("kw-canary-7qx9", "kw-canary-7Qx9")
                .replace("zp", "Zp").replace("lm2", "Lm2").replace("vt", "vT"), CANARY));
        String component = form.replace("+", "%20");
        assertEquals("q=" + MASK, masked("q=" + component, CANARY));
    }

    @Test
    void aValueInsideAJsonStringIsConcealed() throws IOException {
        String escaped = CANARY.replace("\\", "\\\\").replace("\"", "\\\"");
        assertEquals("{\"k\":\"" + MASK + "\"}", masked("{\"k\":\"" + escaped + "\"}", CANARY));
        String slashes = escaped.replace("/", "\\/");
        assertEquals("{\"k\":\"" + MASK + "\"}", masked("{\"k\":\"" + slashes + "\"}", CANARY));
        String ascii = escaped.replace("é", "\\u00e9");
        assertEquals("{\"k\":\"" + MASK + "\"}", masked("{\"k\":\"" + ascii + "\"}", CANARY));
    }

    @Test
    void hexInBothCasesIsConcealed() throws IOException {
        String hex = HexFormat.of().formatHex(CANARY.getBytes(StandardCharsets.UTF_8));
        assertEquals("0x" + MASK, masked("0x" + hex, CANARY));
        assertEquals("0x" + MASK, masked("0x" + hex.toUpperCase(), CANARY));
    }

    @Test
    void colourSequencesAroundAValueStayIntact() throws IOException {
        String text = "\u001b[1;31mkey:\u001b[0m \u001b[32m" + CANARY + "\u001b[0m\n";
        assertEquals("\u001b[1;31mkey:\u001b[0m \u001b[32m" + MASK + "\u001b[0m\n", masked(text, CANARY));
    }

    @Test
    void aHexFormWhoseDigitsLookLikeAControlSequencesParametersIsStillConcealed() throws IOException {
        // "kw-c" may begin the value, so ESC is looked past; "ESC[6b" then reads as a whole control sequence
        // (parameter '6', final 'b'), yet the hex form of the value begins at that '6'.
        String hex = HexFormat.of().formatHex(CANARY.getBytes(StandardCharsets.UTF_8));
        String out = masked(CANARY.substring(0, 4) + "\u001b[" + hex + "\n", CANARY);
        assertFalse(out.contains(hex.substring(2, 12)), "the hex form got through");
        assertTrue(out.contains(MASK), out);
    }

    /** {@code text} with a line break of {@code newline} after every {@code width} characters, as base64 and PEM wrap. */
    private static String wrapped(String text, int width, String newline) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i += width) {
            out.append(text, i, Math.min(text.length(), i + width)).append(newline);
        }
        return out.toString();
    }

    @Test
    void base64WrappedAt76Or64ColumnsIsConcealedWithEitherLineEnd() throws IOException {
        String value = "sk-live-" + "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ".repeat(3);
        byte[] raw = value.getBytes(StandardCharsets.UTF_8);
        byte[] framed = ("-----header " + value + " trailer, long enough to wrap again-----").getBytes(StandardCharsets.UTF_8);
        for (int width : new int[] {76, 64}) {
            for (String newline : List.of("\n", "\r\n")) {
                for (byte[] encoded : List.of(raw, framed)) {
                    String text = wrapped(Base64.getEncoder().encodeToString(encoded), width, newline);
                    String shown = masked("b64:\n" + text + "end\n", value);
                    assertTrue(shown.contains(MASK), width + ": " + shown);
                    for (String line : text.split(newline)) {
                        if (line.length() == width && Base64.getEncoder().encodeToString(raw).contains(line)) {
                            assertFalse(shown.contains(line), "a whole line of the value's base64 showed: " + shown);
                        }
                    }
                    assertTrue(shown.startsWith("b64:\n") && shown.endsWith("end\n"), shown);
                }
            }
        }
    }

    @Test
    void aValueWithColourCodesBetweenItsCharactersIsConcealedAndTheCodesStay() throws IOException {
        String coloured = CANARY.substring(0, 3) + "\u001b[31m" + CANARY.substring(3, 10) + "\u001b[0m"
                + CANARY.substring(10, 12) + "\u001b[1;38;5;208m" + CANARY.substring(12);
        assertEquals("x " + MASK + "\u001b[31m\u001b[0m\u001b[1;38;5;208m y\n", masked("x " + coloured + " y\n", CANARY));
        // In hex too: the codes are looked past whatever the form.
        String hex = HexFormat.of().formatHex(CANARY.getBytes(StandardCharsets.UTF_8));
        assertEquals("h " + MASK + "\u001b[2K", masked("h " + hex.substring(0, 9) + "\u001b[2K" + hex.substring(9), CANARY));
    }

    @Test
    void aBrokenValueAndEscapesThatAreNoControlSequenceArePassedOnUnchanged() throws IOException {
        for (String text : List.of("kw-can\u001bXary-7Qx9", "kw-canary-7\u001b[31", "kw-canary\n\nnot it",
                "kw-can\u001b[" + "1;".repeat(40) + "mary")) {
            assertEquals(text, masked(text, CANARY), "changed: " + text);
        }
    }

    @Test
    void atMostMaxSkippedBytesAreLookedPastSoMemoryStaysBounded() throws IOException {
        String text = CANARY.substring(0, 8) + "\n".repeat(MaskingOutputStream.MAX_SKIPPED + 10) + CANARY.substring(8);
        assertEquals(text, masked(text, CANARY), "a value broken by more line breaks than looked past is not followed");
        String within = CANARY.substring(0, 8) + "\n".repeat(100) + CANARY.substring(8);
        assertEquals(MASK, masked(within, CANARY));
    }

    @Test
    void toAPipeAWholeValueAndItsLineEndAreWrittenAtOnce() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (MaskingOutputStream out = OutputMask.of(List.of(CANARY.toCharArray())).wrap(sink, Destination.PIPE)) {
            out.write(("err " + CANARY + "\n").getBytes(StandardCharsets.UTF_8));
            // Nothing can extend a complete value: its line break is not held to look past it.
            assertEquals("err " + MASK + "\n", sink.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void toAPipeALineEndingInAValuesPossibleBeginningIsWrittenAfterAQuietMoment() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (MaskingOutputStream out = OutputMask.of(List.of(CANARY.toCharArray())).wrap(sink, Destination.PIPE)) {
            out.write("request served by kw-can\n".getBytes(StandardCharsets.UTF_8));
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!sink.toString(StandardCharsets.UTF_8).equals("request served by kw-can\n") && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals("request served by kw-can\n", sink.toString(StandardCharsets.UTF_8),
                    "the last line of a log is not held until the next one");
            out.write("ary-7Qx9 and more\n".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("request served by kw-can\nary-7Qx9 and more\n", sink.toString(StandardCharsets.UTF_8));
    }

    @Test
    void valuesShorterThanSixCharactersAreNotMasked() throws IOException {
        assertEquals("abcde abcde", masked("abcde abcde", "abcde"));
        assertEquals("x " + MASK, masked("x abcdef", "abcdef"));
    }

    @Test
    void outputWithoutAValueIsPassedOnUnchanged() throws IOException {
        byte[] all = new byte[256 * 64];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (MaskingOutputStream out = OutputMask.of(List.of(CANARY.toCharArray())).wrap(sink, Destination.TERMINAL)) {
            out.write(all);
        }
        assertEquals(HexFormat.of().formatHex(all), HexFormat.of().formatHex(sink.toByteArray()));
    }

    @Test
    void onlyBytesThatMayBeginAValueAreHeldBack() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (MaskingOutputStream out = OutputMask.of(List.of(CANARY.toCharArray())).wrap(sink, Destination.TERMINAL)) {
            out.write("hello kw-can".getBytes(StandardCharsets.UTF_8));
            assertEquals("hello ", sink.toString(StandardCharsets.UTF_8));
            out.write("teen\n".getBytes(StandardCharsets.UTF_8));
            assertEquals("hello kw-canteen\n", sink.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aPromptWithoutNewlineAppearsWhenTheWriterIsQuiet() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (MaskingOutputStream out = OutputMask.of(List.of(CANARY.toCharArray())).wrap(sink, Destination.TERMINAL)) {
            out.write("Continue? k".getBytes(StandardCharsets.UTF_8));
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!sink.toString(StandardCharsets.UTF_8).equals("Continue? k") && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals("Continue? k", sink.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aValueSplitAcrossTwoWritesWithAPauseIsConcealed() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (MaskingOutputStream out = OutputMask.of(List.of(CANARY.toCharArray())).wrap(sink, Destination.TERMINAL)) {
            out.write(("x " + CANARY.substring(0, 12)).getBytes(StandardCharsets.UTF_8));
            Thread.sleep(100);
            out.write((CANARY.substring(12) + " y").getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("x " + MASK + " y", sink.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aMultiLineValueIsConcealedWithTheLineEndsATerminalWrites() throws IOException {
        // A pseudo-terminal's output processing (ONLCR) turns each \n the program prints into \r\n.
        String pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----";
        assertEquals("key:\r\n" + MASK + "\r\ndone", masked("key:\r\n" + pem.replace("\n", "\r\n") + "\r\ndone", pem));
        assertEquals("key:\n" + MASK + "\n", masked("key:\n" + pem + "\n", pem));
        String crlfValue = "line-one\r\nline-two";
        assertEquals("[" + MASK + "]", masked("[line-one\r\r\nline-two]", crlfValue));
    }

    @Test
    void toAPipeAValueWhoseRestComesAfterALongPauseIsConcealed() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (MaskingOutputStream out = OutputMask.of(List.of(CANARY.toCharArray())).wrap(sink, Destination.PIPE)) {
            out.write(("x " + CANARY.substring(0, 12)).getBytes(StandardCharsets.UTF_8));
            out.flush();
            // Longer than a terminal stream waits for a likely beginning's rest.
            Thread.sleep(TimeUnit.NANOSECONDS.toMillis(MaskingOutputStream.LONG_QUIET_NANOS) + 500);
            assertEquals("x ", sink.toString(StandardCharsets.UTF_8));
            out.write((CANARY.substring(12) + " y").getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("x " + MASK + " y", sink.toString(StandardCharsets.UTF_8));
    }

    @Test
    void toAPipeHeldBytesThatNeverBecomeAValueAreWrittenAtTheEnd() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        MaskingOutputStream out = OutputMask.of(List.of(CANARY.toCharArray())).wrap(sink, Destination.PIPE);
        out.write("Continue? kw-can".getBytes(StandardCharsets.UTF_8));
        out.flush();
        assertEquals("Continue? ", sink.toString(StandardCharsets.UTF_8));
        out.close();
        assertEquals("Continue? kw-can", sink.toString(StandardCharsets.UTF_8));
    }

    @Test
    void twoValuesAndRepeatsAreEachConcealed() throws IOException {
        String other = "ghp_0123456789abcdefghij";
        String text = CANARY + "," + other + "," + CANARY + CANARY;
        assertEquals(MASK + "," + MASK + "," + MASK, masked(text, CANARY, other));
    }

    @Test
    void aMaskWithOnlyShortValuesIsEmpty() {
        assertTrue(OutputMask.of(List.of("abc".toCharArray())).isEmpty());
        assertFalse(OutputMask.of(List.of("abcdef".toCharArray())).isEmpty());
    }

    private static String masked(String text, String... values) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        List<char[]> chars = java.util.Arrays.stream(values).map(String::toCharArray).toList();
        try (MaskingOutputStream out = OutputMask.of(chars).wrap(sink, Destination.TERMINAL)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return sink.toString(StandardCharsets.UTF_8);
    }
}
