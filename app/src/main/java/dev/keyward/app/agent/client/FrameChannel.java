package dev.keyward.app.agent.client;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One end of an agent connection, in frames (docs/agent-protocol.md, "Frames"): a 4-byte big-endian
 * length, then that many bytes of UTF-8 JSON holding one object, at most {@link #MAX_FRAME} bytes.
 * Writes are serialised, so a thread sending stdin and one answering the server never interleave.
 */
final class FrameChannel {

    /** The largest frame either end accepts. */
    static final int MAX_FRAME = 1 << 20;

    /** Protocol version this client speaks. */
    static final int VERSION = 1;

    private final ByteChannel channel;
    private final Object writeLock = new Object();

    FrameChannel(ByteChannel channel) {
        this.channel = channel;
    }

    /** Thrown when what arrived breaks the frame rules; the message never quotes the frame. */
    static final class BadFrameException extends IOException {
        BadFrameException(String what) {
            super(what);
        }
    }

    /** Sends one frame holding {@code frame} (with {@code "v"} added first). */
    void write(Map<String, Object> frame) throws IOException {
        Map<String, Object> versioned = new java.util.LinkedHashMap<>();
        versioned.put("v", VERSION);
        versioned.putAll(frame);
        byte[] body = Json.write(versioned).getBytes(StandardCharsets.UTF_8);
        if (body.length > MAX_FRAME) {
            throw new BadFrameException("a frame of " + body.length + " bytes is over the 1 MiB limit");
        }
        ByteBuffer buffer = ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).flip();
        synchronized (writeLock) {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    /**
     * The next frame's object. Only one thread reads.
     *
     * @throws EOFException       when the other end closed the connection between frames
     * @throws BadFrameException  when the frame is empty, too long, not UTF-8 or not one JSON object
     */
    Map<String, Object> read() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(4);
        if (!fill(header, true)) {
            throw new EOFException("the agent closed the connection");
        }
        long length = Integer.toUnsignedLong(header.flip().getInt());
        if (length < 1 || length > MAX_FRAME) {
            throw new BadFrameException("a frame of " + length + " bytes is outside 1 byte to 1 MiB");
        }
        ByteBuffer body = ByteBuffer.allocate((int) length);
        fill(body, false);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(body.flip()).toString();
        } catch (CharacterCodingException e) {
            throw new BadFrameException("a frame is not UTF-8");
        }
        try {
            return Json.parseObject(text);
        } catch (Json.MalformedException e) {
            throw new BadFrameException("a frame is not one JSON object: " + e.getMessage());
        }
    }

    /** Reads until {@code buffer} is full; false when the stream ended before its first byte (if allowed). */
    private boolean fill(ByteBuffer buffer, boolean endAllowedAtStart) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                if (endAllowedAtStart && buffer.position() == 0) {
                    return false;
                }
                throw new EOFException("the agent closed the connection in the middle of a frame");
            }
        }
        return true;
    }
}
