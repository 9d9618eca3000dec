package dev.keyward.app.agent.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The agent protocol's frames and JSON: what they carry intact, and what they refuse. */
class FrameCodecTest {

    private static Frame roundTrip(Frame frame) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameCodec.write(out, frame);
        return FrameCodec.read(new ByteArrayInputStream(out.toByteArray()));
    }

    private static byte[] framed(byte[] body) {
        return ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array();
    }

    private static Frame readBody(String json) throws Exception {
        return FrameCodec.read(new ByteArrayInputStream(framed(json.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aFrameCarriesEveryFieldTypeIntact() throws Exception {
        String awkward = "quote \" backslash \\ newline \n tab \t nul \u0000 emoji \uD83D\uDD11 é";
        Frame read = roundTrip(Frame.of("command", 7).with("argv", List.of("secret", "get", awkward))
                .with("env", Map.of("TERM", "xterm")).with("stdinTerminal", true).with("code", 6));
        assertEquals("command", read.type());
        assertEquals(7, read.id());
        assertEquals(1, read.version());
        assertEquals(List.of("secret", "get", awkward), read.strings("argv"));
        assertEquals(Map.of("TERM", "xterm"), read.stringMap("env"));
        assertTrue(read.flag("stdinTerminal"));
        assertFalse(read.flag("stdoutTerminal"));
        assertEquals(6, read.integer("code"));
    }

    @Test
    void aCleanEndBetweenFramesIsNoFrameAndAnEndInsideOneIsAnError() throws Exception {
        assertNull(FrameCodec.read(new ByteArrayInputStream(new byte[0])));
        assertThrows(EOFException.class, () -> FrameCodec.read(new ByteArrayInputStream(new byte[] {0, 0})));
        byte[] cut = framed("{\"v\":1,\"type\":\"hello\"}".getBytes(StandardCharsets.UTF_8));
        assertThrows(EOFException.class, () -> FrameCodec.read(new ByteArrayInputStream(cut, 0, cut.length - 3)));
    }

    @Test
    void anEmptyOrOversizedFrameIsRefusedBeforeItsBodyIsRead() {
        assertThrows(BadFrameException.class, () -> FrameCodec.read(new ByteArrayInputStream(new byte[] {0, 0, 0, 0})));
        // 4 GiB announced: refused from the header alone, nothing allocated for it.
        assertThrows(BadFrameException.class, () -> FrameCodec.read(new ByteArrayInputStream(
                new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff})));
        byte[] header = ByteBuffer.allocate(4).putInt(FrameCodec.MAX_FRAME_BYTES + 1).array();
        assertThrows(BadFrameException.class, () -> FrameCodec.read(new ByteArrayInputStream(header)));
    }

    @Test
    void textThatIsNotOneStrictJsonObjectIsRefused() {
        for (String bad : List.of("[1]", "\"s\"", "{\"type\":\"a\"} {}", "{\"type\":\"a\",\"type\":\"b\"}",
                "{\"type\":\"a\",\"n\":1.5}", "{\"type\":\"a\",\"n\":1e3}", "{\"type\":\"a\",\"n\":01}",
                "{\"type\":\"a\",\"s\":\"\\uD800\"}", "{\"type\":\"a\",\"s\":\"\\q\"}", "{\"type\":\"a\",\"s\":\"a\nb\"}",
                "{\"type\":1}", "{}", "{\"type\":\"a\",\"id\":-1}", "{\"type\":\"a\",\"id\":0}",
                "{\"type\":\"a\",\"n\":99999999999999999999}", "{\"type\":\"a\"", "{\"type\":\"a\",}",
                "{\"type\":\"a\",\"d\":" + "[".repeat(20) + "]".repeat(20) + "}")) {
            assertThrows(BadFrameException.class, () -> readBody(bad), bad);
        }
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        byte[] body = "{\"type\":\"a\",\"s\":\"xx\"}".getBytes(StandardCharsets.US_ASCII);
        body[body.length - 3] = (byte) 0xc3; // a lead byte followed by an ASCII byte
        assertThrows(BadFrameException.class, () -> FrameCodec.read(new ByteArrayInputStream(framed(body))));
    }

    @Test
    void aRefusalNamesTheRuleButNeverTheFramesContent() {
        String canary = "sk-canary-frame-0d2b7";
        for (String bad : List.of("{\"type\":\"a\",\"x\":\"" + canary + "\",\"x\":1}", "[\"" + canary + "\"]",
                "{\"type\":\"a\",\"" + canary + "\":1.5}")) {
            BadFrameException e = assertThrows(BadFrameException.class, () -> readBody(bad));
            assertFalse(e.getMessage().contains(canary), e.getMessage());
        }
    }

    @Test
    void aLoneSurrogateIsWrittenAsTheReplacementCharacterSoTheReaderAcceptsIt() throws Exception {
        Frame read = roundTrip(Frame.of("out", 1).with("data", "a\uD800b"));
        assertEquals("a\uFFFDb", read.string("data"));
    }

    @Test
    void randomBytesAndMutatedFramesOnlyEverFailAsBadFramesOrEarlyEnds() throws Exception {
        Random random = new Random(15);
        ByteArrayOutputStream good = new ByteArrayOutputStream();
        FrameCodec.write(good, Frame.of("command", 3).with("argv", List.of("secret", "list")).with("cwd", "/tmp")
                .with("env", Map.of("TERM", "dumb")).with("stdinTerminal", false));
        byte[] template = good.toByteArray();
        for (int i = 0; i < 20_000; i++) {
            byte[] input;
            if (i % 2 == 0) {
                input = template.clone();
                for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                    int at = 4 + random.nextInt(input.length - 4);
                    input[at] = (byte) random.nextInt(256);
                }
            } else {
                byte[] body = new byte[1 + random.nextInt(64)];
                random.nextBytes(body);
                input = framed(body);
            }
            try {
                FrameCodec.read(new ByteArrayInputStream(input));
            } catch (BadFrameException | IOException expected) {
                // refused cleanly
            }
        }
    }
}
