package dev.keyward.automation.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner's side of the WebSocket hold: only an allowed message gets the answer the page checks. */
class SocketHoldTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Test
    void anAllowedMessageIsAnsweredWithTheHmacOfItsIdAndBytes() {
        List<String> asked = new ArrayList<>();
        String answer = SocketHold.answer(KEY, (url, text, size) -> asked.add(url + " " + text + " " + size),
                "ws://127.0.0.1:9/feed", "f-1:1", "{\"plan\":\"pro\"}", null);
        assertEquals(List.of("ws://127.0.0.1:9/feed {\"plan\":\"pro\"} 14"), asked);
        assertEquals(SocketHold.mac(KEY, "f-1:1", "{\"plan\":\"pro\"}".getBytes(StandardCharsets.UTF_8)), answer);
        assertEquals(64, answer.length());
    }

    @Test
    void aRefusedOrMalformedMessageGetsNoUsableAnswer() {
        String allowed = SocketHold.mac(KEY, "f-1:1", "buy".getBytes(StandardCharsets.UTF_8));
        assertNotEquals(allowed, SocketHold.answer(KEY, (url, text, size) -> false, "ws://h/x", "f-1:1", "buy", null));
        assertEquals("refused", SocketHold.answer(KEY, (url, text, size) -> true, "ws://h/x", "f-1:1"));
        assertEquals("refused", SocketHold.answer(KEY, (url, text, size) -> true, "ws://h/x", "f-1:1", null, "zz"));
    }

    @Test
    void aBinaryMessageIsReadFromItsHexAndItsSizeIsShown() {
        List<Integer> sizes = new ArrayList<>();
        String answer = SocketHold.answer(KEY, (url, text, size) -> sizes.add(size) && text == null,
                "wss://h/bin", "f-2:7", null, "00ff10");
        assertEquals(List.of(3), sizes);
        assertEquals(SocketHold.mac(KEY, "f-2:7", new byte[] {0, (byte) 0xff, 0x10}), answer);
    }
}
