package dev.keyward.app.agent.protocol;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads and writes frames: a 4-byte big-endian length, then that many bytes of UTF-8 JSON holding one
 * object. Lengths outside 1..{@link #MAX_FRAME_BYTES}, malformed UTF-8 and JSON that is not one object
 * are {@link BadFrameException}s; nothing of a refused frame is kept or echoed.
 */
public final class FrameCodec {

    /** The largest frame either side accepts (1 MiB). */
    public static final int MAX_FRAME_BYTES = 1024 * 1024;

    private FrameCodec() {
    }

    /**
     * The next frame from {@code in}; null when the stream ends cleanly before a frame starts.
     *
     * @throws EOFException when the stream ends inside a frame
     */
    public static Frame read(InputStream in) throws IOException, BadFrameException {
        byte[] header = new byte[4];
        int got = in.readNBytes(header, 0, 4);
        if (got == 0) {
            return null;
        }
        if (got < 4) {
            throw new EOFException("the connection ended inside a frame");
        }
        long length = ((header[0] & 0xffL) << 24) | ((header[1] & 0xff) << 16) | ((header[2] & 0xff) << 8) | (header[3] & 0xff);
        if (length < 1 || length > MAX_FRAME_BYTES) {
            throw new BadFrameException("a frame is 1 byte to 1 MiB long");
        }
        byte[] body = new byte[(int) length];
        try {
            if (in.readNBytes(body, 0, body.length) < body.length) {
                throw new EOFException("the connection ended inside a frame");
            }
            return Frame.parsed(Json.parseObject(strictUtf8(body)));
        } finally {
            // The body may have held a value (a secret's output): it is not left in the heap longer than needed.
            Arrays.fill(body, (byte) 0);
        }
    }

    /** Writes {@code frame} to {@code out} and flushes. */
    public static void write(OutputStream out, Frame frame) throws IOException {
        byte[] body = frame.json().getBytes(StandardCharsets.UTF_8);
        if (body.length > MAX_FRAME_BYTES) {
            throw new IllegalArgumentException("a frame of " + body.length + " bytes exceeds the protocol's limit");
        }
        byte[] bytes = new byte[4 + body.length];
        ByteBuffer.wrap(bytes).putInt(body.length).put(body);
        try {
            out.write(bytes);
            out.flush();
        } finally {
            Arrays.fill(body, (byte) 0);
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static String strictUtf8(byte[] body) throws BadFrameException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(body));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new BadFrameException("a frame is UTF-8 text");
        }
    }
}
