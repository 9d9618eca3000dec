package dev.keyward.app.agent;

import dev.keyward.app.agent.protocol.BadFrameException;
import dev.keyward.app.agent.protocol.Frame;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A command's stdin, fed by the client: the first read sends {@code stdin-wanted}, then each
 * {@code stdin} frame's data is read until one says {@code eof}. A command that never reads stdin
 * costs the client nothing.
 */
final class FrameInput extends InputStream {

    /** The connection's side of the exchange. */
    interface Source {
        void send(Frame frame) throws IOException;

        /** The next frame of this request; never null (a closed connection is an IOException). */
        Frame next() throws IOException;
    }

    private final long id;
    private final Source source;
    private boolean asked;
    private boolean eof;
    private byte[] chunk = new byte[0];
    private int at;

    FrameInput(long id, Source source) {
        this.id = id;
        this.source = source;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (at == chunk.length) {
            if (eof) {
                return -1;
            }
            fill();
        }
        int n = Math.min(len, chunk.length - at);
        System.arraycopy(chunk, at, b, off, n);
        at += n;
        if (at == chunk.length) {
            Arrays.fill(chunk, (byte) 0);
        }
        return n;
    }

    private void fill() throws IOException {
        if (!asked) {
            asked = true;
            source.send(Frame.of("stdin-wanted", id));
        }
        Frame frame = source.next();
        try {
            if (!"stdin".equals(frame.type()) || frame.id() != id) {
                throw new IOException("the client sent another frame while the command read stdin");
            }
            chunk = frame.optionalString("data").orElse("").getBytes(StandardCharsets.UTF_8);
            at = 0;
            eof = frame.flag("eof");
        } catch (BadFrameException e) {
            throw new IOException("a stdin frame broke the protocol's rules", e);
        }
    }
}
