package dev.keyward.app.agent.client;

import dev.keyward.app.agent.protocol.Frame;
import dev.keyward.app.agent.protocol.FrameCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.util.Arrays;
import java.util.Map;

/**
 * One end of an agent connection, in frames (docs/agent-protocol.md, "Frames"). The encoding is the
 * server's own ({@link FrameCodec}, {@link dev.keyward.app.agent.protocol.Json}); this class only moves
 * whole frames over the channel. Writes are serialised, so a thread sending stdin and one answering the
 * server never interleave; reads go straight to the channel, never blocking a writer.
 */
final class FrameChannel {

    /** The largest frame either end accepts. */
    static final int MAX_FRAME = FrameCodec.MAX_FRAME_BYTES;

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
        Frame out = Frame.of(String.valueOf(frame.get("type")), 0);
        for (Map.Entry<String, Object> field : frame.entrySet()) { // no lambda on the fast path (AgentFastPath)
            if (!field.getKey().equals("type")) {
                out.with(field.getKey(), field.getValue());
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            FrameCodec.write(bytes, out);
        } catch (IllegalArgumentException e) {
            throw new BadFrameException("a frame over the 1 MiB limit");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes.toByteArray());
        synchronized (writeLock) {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
        Arrays.fill(buffer.array(), (byte) 0);
    }

    /**
     * The next frame's fields. Only one thread reads.
     *
     * @throws EOFException       when the other end closed the connection between frames
     * @throws BadFrameException  when the frame is empty, too long, not UTF-8 or not one JSON object
     */
    Map<String, Object> read() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(4);
        if (!fill(header, true)) {
            throw new EOFException("the agent closed the connection");
        }
        long length = Integer.toUnsignedLong(header.getInt(0));
        if (length < 1 || length > MAX_FRAME) {
            throw new BadFrameException("a frame of " + length + " bytes is outside 1 byte to 1 MiB");
        }
        ByteBuffer whole = ByteBuffer.allocate(4 + (int) length).put(header.flip());
        fill(whole, false);
        try {
            return FrameCodec.read(new ByteArrayInputStream(whole.array())).fields();
        } catch (dev.keyward.app.agent.protocol.BadFrameException e) {
            throw new BadFrameException(e.getMessage());
        } finally {
            // The body may have held a value (a secret's output).
            Arrays.fill(whole.array(), (byte) 0);
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
