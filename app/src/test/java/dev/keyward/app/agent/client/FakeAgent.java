package dev.keyward.app.agent.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the agent's server in tests: listens on a real Unix domain socket and plays a
 * script of frames written as the protocol document shows them, read and written with its own
 * code and Jackson (not the client's codec, so a shared mistake cannot hide). Serves one connection.
 */
final class FakeAgent implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the fake does once a client connects. */
    @FunctionalInterface
    interface Script {
        void play(Conversation conversation) throws Exception;
    }

    private final ServerSocketChannel server;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final List<JsonNode> frames = new ArrayList<>();

    private FakeAgent(Path socket, Script script) throws IOException {
        Files.createDirectories(socket.getParent());
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread thread = new Thread(() -> {
            try (SocketChannel client = server.accept()) {
                script.play(new Conversation(client));
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, "fake-agent");
        thread.setDaemon(true);
        thread.start();
    }

    static FakeAgent serve(Path socket, Script script) throws IOException {
        return new FakeAgent(socket, script);
    }

    /** A script for the usual start: read hello, answer an unlocked welcome for {@code profile}, read the command. */
    static String welcome(String profile) {
        return "{\"v\":1,\"type\":\"welcome\",\"id\":1,\"profile\":\"" + profile + "\",\"server\":\"desktop\",\"locked\":false}";
    }

    /** Waits for the script to finish and rethrows what it failed with. */
    void awaitScript() throws Exception {
        done.get(30, TimeUnit.SECONDS);
    }

    /** Every byte the client sent (to search for canaries). */
    synchronized String receivedText() {
        return received.toString(StandardCharsets.UTF_8);
    }

    /** Every frame the client sent, parsed. */
    synchronized List<JsonNode> frames() {
        return List.copyOf(frames);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** The fake's side of one connection. */
    final class Conversation {
        private final DataInputStream in;
        private final DataOutputStream out;

        Conversation(SocketChannel channel) {
            in = new DataInputStream(Channels.newInputStream(channel));
            out = new DataOutputStream(Channels.newOutputStream(channel));
        }

        /** The next frame from the client. */
        JsonNode read() throws IOException {
            int length = in.readInt();
            byte[] body = in.readNBytes(length);
            JsonNode node = JSON.readTree(body);
            synchronized (FakeAgent.this) {
                received.write(body);
                frames.add(node);
            }
            return node;
        }

        /** Sends {@code json} as one frame. */
        void send(String json) throws IOException {
            sendRaw(json.getBytes(StandardCharsets.UTF_8));
        }

        /** Sends {@code body} as one frame, whatever it holds. */
        void sendRaw(byte[] body) throws IOException {
            out.writeInt(body.length);
            out.write(body);
            out.flush();
        }

        /** Sends only a frame header announcing {@code length} bytes. */
        void sendHeader(int length) throws IOException {
            out.writeInt(length);
            out.flush();
        }

        /** Reads hello, answers an unlocked welcome, and returns the command frame. */
        JsonNode greetAndReadCommand(String profile) throws IOException {
            JsonNode hello = read();
            if (!"hello".equals(hello.path("type").asText()) || hello.path("v").asInt() != 1) {
                throw new IOException("expected a version 1 hello");
            }
            send(welcome(profile));
            return read();
        }
    }
}
