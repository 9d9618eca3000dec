package dev.keyward.app.agent.protocol;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * A client's connection to an agent: connect, say hello, then send requests and read their frames.
 * Used by {@code keyward agent status|stop} and {@code keyward lock}; the fast command-line client
 * speaks the same frames.
 */
public final class AgentLink implements Closeable {

    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;
    private long nextId = 1;

    private AgentLink(SocketChannel channel) {
        this.channel = channel;
        this.in = Channels.newInputStream(channel);
        this.out = Channels.newOutputStream(channel);
    }

    /** Connects to the agent at {@code socket} and exchanges hello and welcome; returns the welcome in {@link #welcome}. */
    public static AgentLink connect(Path socket, String clientVersion) throws IOException, BadFrameException {
        return connect(socket, "keyward-cli", clientVersion);
    }

    /** Connects as {@code client} (such as {@code keyward-mcp}), which the hello names. */
    public static AgentLink connect(Path socket, String client, String clientVersion) throws IOException, BadFrameException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
            AgentLink link = new AgentLink(channel);
            link.welcome = link.request(Frame.of("hello", 0).with("client", client).with("version", clientVersion));
            if (!"welcome".equals(link.welcome.type())) {
                throw new BadFrameException("the agent did not welcome this client (it answered '" + link.welcome.type() + "')");
            }
            return link;
        } catch (IOException | BadFrameException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private Frame welcome;

    /** The agent's welcome: its profile, {@code server} and {@code locked}. */
    public Frame welcome() {
        return welcome;
    }

    /** Sends a request frame built with id 0; it gets the next id. Returns the first answer frame. */
    public Frame request(Frame frame) throws IOException, BadFrameException {
        send(frame.with("id", nextId++));
        Frame answer = next();
        if (answer == null) {
            throw new IOException("the agent closed the connection");
        }
        return answer;
    }

    /** Sends a frame as it is. */
    public void send(Frame frame) throws IOException {
        FrameCodec.write(out, frame);
    }

    /** The next frame, or null when the agent closed the connection. */
    public Frame next() throws IOException, BadFrameException {
        return FrameCodec.read(in);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
