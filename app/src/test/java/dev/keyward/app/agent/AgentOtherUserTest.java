package dev.keyward.app.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.agent.protocol.AgentLink;
import dev.keyward.vault.crypto.Argon2Params;
import dev.keyward.vault.session.ProfileService;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another user is dropped before the agent reads a byte, even when the socket's file permissions
 * would let them connect: the kernel's SO_PEERCRED decides, not the file mode. The client runs as
 * {@code nobody} through {@code setpriv} (or {@code runuser}); CI runs as root, so one of them exists.
 */
class AgentOtherUserTest {

    @TempDir
    Path data;

    /** A client in one Java source file, run by the JDK's source launcher: prints what the agent answered. */
    private static final String CLIENT = """
            import java.net.UnixDomainSocketAddress;
            import java.nio.ByteBuffer;
            import java.nio.channels.SocketChannel;
            public class Client {
                public static void main(String[] args) throws Exception {
                    try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(args[0]))) {
                        byte[] hello = "{\\"v\\":1,\\"type\\":\\"hello\\",\\"id\\":1}".getBytes("UTF-8");
                        try {
                            c.write(ByteBuffer.allocate(4 + hello.length).putInt(hello.length).put(hello).flip());
                        } catch (java.io.IOException e) {
                            System.out.println("closed");
                            return;
                        }
                        ByteBuffer answer = ByteBuffer.allocate(4096);
                        int n;
                        try {
                            n = c.read(answer);
                        } catch (java.io.IOException e) {
                            n = -1;
                        }
                        System.out.println(n <= 0 ? "closed" : "answered " + n);
                    }
                }
            }
            """;

    @Test
    void anotherUserIsDroppedBeforeAByteIsRead() throws Exception {
        List<String> asNobody = switchUser();
        ProfileService profiles = AgentFixture.createProfile(data);
        AgentFixture.RecordingApprovals approvals = new AgentFixture.RecordingApprovals();
        try (AgentFixture.Served served = AgentFixture.Served.open(profiles, data)) {
            // The runtime folder lives in a world-readable place here (the test's temporary folder is root's own).
            Path open = Files.createTempDirectory("keyward-agent-other-user");
            Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path root = open.resolve("root");
            AgentServer server = AgentServer.start(root, Map.of(), AgentServer.Mode.HEADLESS, approvals,
                    Argon2Params.FLOOR, null, Map::of);
            try {
                server.serve(new ServedSession(served.session(), served.services(), Instant.now()));
                // Widen what the file system allows, so only the peer check can stop the other user.
                Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
                Files.setPosixFilePermissions(server.socketPath().getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
                Files.setPosixFilePermissions(server.socketPath(), PosixFilePermissions.fromString("rw-rw-rw-"));
                Path source = open.resolve("Client.java");
                Files.writeString(source, CLIENT, StandardCharsets.UTF_8);
                Files.setPosixFilePermissions(source, PosixFilePermissions.fromString("rw-r--r--"));

                List<String> command = new ArrayList<>(asNobody);
                command.addAll(List.of(ProcessHandle.current().info().command().orElseThrow(), source.toString(),
                        server.socketPath().toString()));
                ProcessBuilder builder = dev.keyward.vault.process.ChildEnvironment.processBuilder(command)
                        .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
                builder.environment().put("HOME", open.toString());
                builder.environment().remove("JAVA_TOOL_OPTIONS");
                Process client = builder.start();
                String said = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                assertTrue(client.waitFor(120, TimeUnit.SECONDS));
                assertEquals("closed", said, "the other user's client saw: " + said);

                // The same socket still answers this user.
                try (AgentLink link = AgentLink.connect(server.socketPath(), "test")) {
                    assertEquals("work", link.welcome().string("profile"));
                }
            } finally {
                server.close();
            }
        }
    }

    private static List<String> switchUser() {
        Assumptions.assumeTrue(PeerCredentials.ownUid() == 0 || System.getenv("CI") != null,
                "switching to another user needs root; CI runs as root");
        for (String setpriv : List.of("/usr/bin/setpriv", "/bin/setpriv")) {
            if (Files.isExecutable(Path.of(setpriv))) {
                return List.of(setpriv, "--reuid=nobody", "--regid=65534", "--clear-groups");
            }
        }
        for (String runuser : List.of("/usr/sbin/runuser", "/sbin/runuser")) {
            if (Files.isExecutable(Path.of(runuser))) {
                return List.of(runuser, "-u", "nobody", "--");
            }
        }
        Assumptions.assumeTrue(System.getenv("CI") == null, "neither setpriv nor runuser exists");
        throw new AssertionError("CI must have setpriv or runuser to test another user");
    }
}
