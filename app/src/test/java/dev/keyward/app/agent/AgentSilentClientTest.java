package dev.keyward.app.agent;

import static dev.keyward.app.agent.AgentFixture.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.keyward.app.agent.protocol.AgentLink;
import java.io.InputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that keep the server waiting, over the real socket: one that connects and says nothing, and
 * ones that stop in the middle of a frame (inside its length, inside its body) are dropped after the
 * server's silence (shortened here from 30 s), while a well-behaved client is served meanwhile and after.
 */
class AgentSilentClientTest {

    /** Long enough that a client under load never pauses this long between its own frames. */
    private static final Duration SILENCE = Duration.ofSeconds(2);

    @TempDir
    Path data;
    private AgentFixture.Agent agent;

    @BeforeEach
    void serve() {
        agent = AgentFixture.serve(data, served -> new AgentFixture.RecordingApprovals(), AgentFixture.NO_CONTROL, SILENCE);
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    @Test
    void aSilentClientAndClientsStalledInsideAFrameAreDroppedWhileOthersAreServed() throws Exception {
        try (SocketChannel silent = open();
             SocketChannel inLength = open();
             SocketChannel inBody = open()) {
            inLength.write(ByteBuffer.wrap(new byte[] {0, 0}));
            inBody.write(ByteBuffer.allocate(4 + 10).putInt(100).put("{\"v\":1,\"ty".getBytes()).flip());

            // Served while the three hold their connections open.
            try (AgentLink link = AgentLink.connect(agent.socket(), "test")) {
                assertEquals("exit", command(link, Map.of(), null, "secret", "list").type());
            }

            // Well under the default 30 s, so this fails when the silence is not the server's setting.
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                // The server closes each one: a read sees the end of the stream (and no reply, nothing echoed).
                assertEquals(-1, firstByte(silent), "the silent client was dropped");
                assertEquals(-1, firstByte(inLength), "the client stalled inside a frame's length was dropped");
                assertEquals(-1, firstByte(inBody), "the client stalled inside a frame's body was dropped");
            });

            try (AgentLink link = AgentLink.connect(agent.socket(), "test")) {
                assertEquals("exit", command(link, Map.of(), null, "secret", "list").type(), "served after the drops");
            }
        }
    }

    private SocketChannel open() throws Exception {
        return SocketChannel.open(UnixDomainSocketAddress.of(agent.socket()));
    }

    /** The first byte the server sends, or -1 when it closes the connection having sent nothing. */
    private static int firstByte(SocketChannel channel) throws Exception {
        InputStream in = Channels.newInputStream(channel);
        return in.read();
    }
}
