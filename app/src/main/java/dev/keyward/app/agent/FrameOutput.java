package dev.keyward.app.agent;

import dev.keyward.app.agent.protocol.Frame;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A command's stdout or stderr, turned into {@code out} / {@code err} frames. Bytes are kept until
 * {@link #send} (held output: a request the lock ends reveals nothing) or, when {@code streaming}, until
 * each flush; a UTF-8 sequence split across writes is completed before it is sent. The buffer is wiped
 * as it grows and when it is sent or dropped, since stdout may hold a secret's value.
 */
final class FrameOutput extends OutputStream {

    /** Characters per frame: even escaped six bytes each, a frame stays far below the 1 MiB limit. */
    private static final int CHARS_PER_FRAME = 64 * 1024;
    /** The most output a command may hold back (a project's .env is a few KiB). */
    static final int MAX_HELD_BYTES = 16 * 1024 * 1024;

    /** Where frames go: the connection, which serialises writes. */
    interface Sink {
        void send(Frame frame) throws IOException;
    }

    private final String type;
    private final long id;
    private final boolean streaming;
    private final Sink sink;
    private byte[] buffer = new byte[256];
    private int size;
    private boolean overflow;

    FrameOutput(String type, long id, boolean streaming, Sink sink) {
        this.type = type;
        this.id = id;
        this.streaming = streaming;
        this.sink = sink;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        if (size + len > MAX_HELD_BYTES) {
            overflow = true;
            throw new IOException("the command's output is larger than the agent holds");
        }
        if (size + len > buffer.length) {
            byte[] bigger = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + len));
            Arrays.fill(buffer, (byte) 0);
            buffer = bigger;
        }
        System.arraycopy(b, off, buffer, size, len);
        size += len;
    }

    @Override
    public synchronized void flush() throws IOException {
        if (streaming) {
            send();
        }
    }

    /** True when the command wrote more than can be held (its output is then incomplete). */
    synchronized boolean overflowed() {
        return overflow;
    }

    /** Sends what is buffered as frames (an incomplete trailing UTF-8 sequence stays for the next call). */
    synchronized void send() throws IOException {
        if (size == 0) {
            return;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer in = ByteBuffer.wrap(buffer, 0, size);
        CharBuffer chars = CharBuffer.allocate(CHARS_PER_FRAME);
        while (true) {
            CoderResult result = decoder.decode(in, chars, false);
            if (chars.position() > 0 && (result.isOverflow() || !in.hasRemaining() || result.isUnderflow())) {
                chars.flip();
                sink.send(Frame.of(type, id).with("data", chars.toString()));
                chars.clear();
            }
            if (result.isUnderflow()) {
                break;
            }
        }
        int left = in.remaining();
        System.arraycopy(buffer, in.position(), buffer, 0, left);
        Arrays.fill(buffer, left, size, (byte) 0);
        size = left;
        Arrays.fill(chars.array(), '\0');
    }

    /** Drops what is buffered, unsent. */
    synchronized void discard() {
        Arrays.fill(buffer, (byte) 0);
        size = 0;
    }
}
