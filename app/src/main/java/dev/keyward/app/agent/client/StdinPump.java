package dev.keyward.app.agent.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends the client's stdin to the agent as {@code stdin} frames, on its own thread, after the agent
 * asked for it: the agent may print while it reads, and the client must keep reading those frames.
 * Text only (the protocol carries strings): stdin that is not UTF-8 is cut where it stops being so.
 */
final class StdinPump {

    /** Characters per frame: far below the frame limit even when every one is escaped. */
    static final int CHUNK = 16 * 1024;

    private StdinPump() {
    }

    /** Starts sending {@code in} as frames of request {@code id}, ending with {@code eof: true}. */
    static void start(InputStream in, FrameChannel frames, long id) {
        Thread thread = new Thread(() -> pump(in, frames, id), "agent-stdin");
        thread.setDaemon(true); // the command's final frame ends the client, read or not
        thread.start();
    }

    private static void pump(InputStream in, FrameChannel frames, long id) {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        char[] buffer = new char[CHUNK];
        int kept = 0; // a high surrogate held back so a pair is never split between two frames
        try {
            while (true) {
                int n;
                try {
                    n = reader.read(buffer, kept, CHUNK - kept);
                } catch (IOException e) {
                    n = -1; // unreadable or not UTF-8: what was read is sent, then end of input
                }
                if (n < 0) {
                    frames.write(frame(id, new String(buffer, 0, kept), true));
                    return;
                }
                int length = kept + n;
                kept = length > 0 && Character.isHighSurrogate(buffer[length - 1]) ? 1 : 0;
                if (length - kept > 0) {
                    frames.write(frame(id, new String(buffer, 0, length - kept), false));
                }
                if (kept == 1) {
                    buffer[0] = buffer[length - 1];
                }
            }
        } catch (IOException e) {
            // The connection is gone; the reading side reports it.
        }
    }

    private static Map<String, Object> frame(long id, String data, boolean eof) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "stdin");
        frame.put("id", id);
        frame.put("data", data);
        frame.put("eof", eof);
        return frame;
    }
}
