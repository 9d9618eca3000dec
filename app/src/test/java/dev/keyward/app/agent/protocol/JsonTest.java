package dev.keyward.app.agent.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The protocol's small JSON reader and writer (both ends use them) agree with Jackson on what frames hold, and refuse the rest. */
class JsonTest {

    @Test
    void whatIsWrittenJacksonReadsBackUnchanged() throws Exception {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "command");
        frame.put("id", 2L);
        frame.put("argv", List.of("secret", "get", "quote\" slash\\ tab\t nl\n ctl\u0001 \u00e9 \uD83D\uDE00"));
        frame.put("env", Map.of("TERM", "xterm"));
        frame.put("stdinTerminal", true);
        String text = Json.write(frame);
        assertEquals(frame, Json.parseObject(text));
        assertEquals(frame.get("argv"), new ObjectMapper().readValue(text, Map.class).get("argv"));
    }

    @Test
    void whatJacksonWritesIsRead() throws Exception {
        String text = new ObjectMapper().writeValueAsString(Map.of("type", "out", "id", 2, "data", "a\u2028b\uD83D\uDE00\n",
                "ok", false, "none", List.of()));
        Map<String, Object> read = Json.parseObject(text);
        assertEquals("a\u2028b\uD83D\uDE00\n", read.get("data"));
        assertEquals(2L, read.get("id"));
        assertEquals(false, read.get("ok"));
    }

    @Test
    void anythingButOneObjectOfTheProtocolsKindsIsRefused() {
        for (String bad : List.of("", "[]", "\"x\"", "{", "{\"a\":1} {}", "{\"a\":1.5}", "{\"a\":1e3}", "{a:1}",
                "{\"a\":\"\\x\"}", "{\"a\":\"unterminated}", "{\"a\":1,\"a\":2}", "{\"a\":99999999999999999999}",
                "{\"a\":" + "[".repeat(50) + "]".repeat(50) + "}", "{\"a\":\"raw\ncontrol\"}", "{\"a\":tru}")) {
            assertThrows(BadFrameException.class, () -> Json.parseObject(bad), bad);
        }
    }
}
