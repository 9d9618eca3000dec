package dev.keyward.app.agent;

import static dev.keyward.app.agent.AgentFixture.CANARY;
import static dev.keyward.app.agent.AgentFixture.PROJECT;
import static dev.keyward.app.agent.AgentFixture.SECRET;
import static dev.keyward.app.agent.AgentFixture.UNLINKED_CANARY;
import static dev.keyward.app.agent.AgentFixture.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.agent.AgentFixture.Reply;
import dev.keyward.app.agent.protocol.AgentLink;
import dev.keyward.app.agent.protocol.Frame;
import dev.keyward.app.agent.protocol.FrameCodec;
import dev.keyward.vault.OperationFailedException;
import dev.keyward.vault.crypto.Argon2Params;
import dev.keyward.vault.secrets.SecretInfo;
import dev.keyward.vault.session.ProfileService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's server against a real unlocked SQLCipher profile, over its real Unix domain socket:
 * what it serves, what it asks first, what it refuses, and that locking stops it at once.
 */
class AgentServerTest {

    @TempDir
    Path data;
    private AgentFixture.Served served;
    private AgentServer server;
    private final AgentFixture.RecordingApprovals approvals = new AgentFixture.RecordingApprovals();
    private final AtomicBoolean lockAsked = new AtomicBoolean();
    private final ByteArrayOutputStream processOutput = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void serveAProfile() {
        // Everything this JVM prints while the agent works is searched for the values afterwards.
        savedOut = System.out;
        savedErr = System.err;
        PrintStream capture = new PrintStream(processOutput, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        ProfileService profiles = AgentFixture.createProfile(data);
        served = AgentFixture.Served.open(profiles, data);
        server = AgentServer.start(data, Map.of(), AgentServer.Mode.HEADLESS, approvals, Argon2Params.FLOOR,
                new AgentServer.Control() {
                    @Override
                    public void lockRequested() {
                        lockAsked.set(true);
                    }

                    @Override
                    public void stopRequested() {
                        lockAsked.set(true);
                    }
                }, Map::of);
        server.serve(new ServedSession(served.session(), served.services(), Instant.now()));
    }

    @AfterEach
    void stop() {
        server.close();
        served.close();
        System.setOut(savedOut);
        System.setErr(savedErr);
        String printed = processOutput.toString(StandardCharsets.UTF_8);
        assertFalse(printed.contains(CANARY) || printed.contains(UNLINKED_CANARY), "a value reached the process output");
        System.out.print(printed); // into the test's report, for a failure's diagnosis: it holds no value
    }

    private AgentLink connect() throws Exception {
        return AgentLink.connect(server.socketPath(), "test");
    }

    @Test
    void theSocketIsPrivateAndTheWelcomeNamesTheServedProfile() throws Exception {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(server.socketPath())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(server.socketPath().getParent())));
        assertEquals(data.resolve("run"), server.socketPath().getParent());
        try (AgentLink link = connect()) {
            assertEquals("work", link.welcome().string("profile"));
            assertEquals("headless", link.welcome().string("server"));
            assertFalse(link.welcome().flag("locked"));
        }
    }

    @Test
    void listingNamesRunsWithoutAskingAndShowsNoValue() throws Exception {
        try (AgentLink link = connect()) {
            Reply reply = command(link, Map.of(), null, "secret", "list");
            assertEquals("exit", reply.type());
            assertEquals(0, reply.last().integer("code"));
            assertTrue(reply.out().contains(SECRET), reply.out());
            assertFalse(reply.out().contains(CANARY));
        }
        assertEquals(List.of(), approvals.asked);
    }

    @Test
    void revealingAValueAsksFirstWithWhatTheKernelSaysAboutTheClient() throws Exception {
        try (AgentLink link = connect()) {
            Reply reply = command(link, Map.of(), null, "secret", "get", SECRET);
            assertEquals("exit", reply.type());
            assertEquals(CANARY + System.lineSeparator(), reply.out());
        }
        assertEquals(1, approvals.asked.size());
        AccessRequest asked = approvals.asked.get(0);
        assertEquals(AccessRequest.Access.REVEAL, asked.access());
        assertEquals(List.of("secret", "get", SECRET), asked.command());
        assertEquals(List.of(SECRET), asked.secretNames());
        // The client is this very JVM: its pid, folder and program come from the kernel, not from the request.
        assertEquals(ProcessHandle.current().pid(), asked.client().pid());
        assertEquals(Optional.of(Path.of("").toAbsolutePath()), asked.client().workingFolder());
        assertEquals(ProcessHandle.current().info().command().map(Path::of), asked.client().executable());
    }

    @Test
    void aDeniedRequestIsRefusedWithExitCodeSixAndRevealsNothing() throws Exception {
        approvals.answer = Approval.DENY;
        try (AgentLink link = connect()) {
            Reply reply = command(link, Map.of(), null, "secret", "get", SECRET);
            assertEquals("refused", reply.type());
            assertEquals(6, reply.last().integer("code"));
            assertEquals("", reply.out());
            // The connection stays usable: the next request is answered.
            assertEquals("exit", command(link, Map.of(), null, "secret", "list").type());
        }
    }

    @Test
    void runIsAnsweredWithTheProgramAndItsVariablesForTheClientToStart() throws Exception {
        try (AgentLink link = connect()) {
            Reply reply = command(link, Map.of(), null, "run", "--project", PROJECT, "--", "printenv", SECRET);
            assertEquals("exec", reply.type());
            assertEquals(List.of("printenv", SECRET), reply.last().strings("argv"));
            assertEquals(Map.of(SECRET, CANARY), reply.last().stringMap("env"));
        }
        assertEquals(Optional.of(PROJECT), approvals.asked.get(0).project());
    }

    @Test
    void aWriteThroughTheAgentLandsInTheServedSessionWithItsValueFromStdin() throws Exception {
        try (AgentLink link = connect()) {
            Reply reply = command(link, Map.of(), "sk-new-value-123456", "secret", "add", "NEW_KEY", "--value-stdin");
            assertEquals("exit", reply.type(), reply.err());
            assertEquals(0, reply.last().integer("code"), reply.err());
        }
        assertEquals(AccessRequest.Access.CHANGE, approvals.asked.get(0).access());
        // The desktop's own session object sees it at once: no reload, no second connection to the file.
        assertTrue(served.session().secrets().list().stream().map(SecretInfo::name).anyMatch("NEW_KEY"::equals));
    }

    @Test
    void aProjectChangeNamesTheProjectAndSecretToThePersonAsked() throws Exception {
        try (AgentLink link = connect()) {
            Reply reply = command(link, Map.of(), null, "project", "link", PROJECT, AgentFixture.UNLINKED, "--env", "STRIPE");
            assertEquals("exit", reply.type(), reply.err());
        }
        AccessRequest asked = approvals.asked.get(0);
        assertEquals(AccessRequest.Access.CHANGE, asked.access());
        assertEquals(Optional.of(PROJECT), asked.project());
        assertEquals(List.of(AgentFixture.UNLINKED), asked.secretNames());
    }

    @Test
    void anErrorIsWordedByTheCommandLinesMapperAndEndsWithItsExitCode() throws Exception {
        try (AgentLink link = connect()) {
            Reply reply = command(link, Map.of(), null, "secret", "get", "NO_SUCH_SECRET");
            assertEquals("exit", reply.type());
            assertEquals(4, reply.last().integer("code"));
            assertTrue(reply.err().startsWith("keyward: "), reply.err());
        }
    }

    @Test
    void passwordCommandsOtherProfilesAndOtherDataFoldersAreLeftToTheClient() throws Exception {
        try (AgentLink link = connect()) {
            assertEquals("direct", command(link, Map.of(), null, "profile", "passwd").type());
            assertEquals("direct", command(link, Map.of(), null, "--profile", "other", "secret", "list").type());
            assertEquals("direct", command(link, Map.of("KEYWARD_PROFILE", "other"), null, "secret", "list").type());
            assertEquals("direct", command(link, Map.of(), null, "--data-dir", data.resolve("elsewhere").toString(),
                    "secret", "list").type());
            assertEquals("direct", command(link, Map.of(), null, "secret", "get", SECRET, "--password-stdin").type());
            assertEquals("exit", command(link, Map.of("KEYWARD_PROFILE", "work"), null, "secret", "list").type());
        }
        assertEquals(List.of(), approvals.asked);
    }

    @Test
    void aCredentialVariableOrAFolderThatIsNotTheClientsIsRefusedAndTheConnectionCloses() throws Exception {
        try (AgentLink link = connect()) {
            Reply reply = command(link, Map.of("KEYWARD_PASSWORD", "pw-canary-agent-61c"), null, "secret", "list");
            assertEquals("bad-frame", reply.type());
            assertFalse(reply.last().string("message").contains("pw-canary-agent-61c"));
            assertNull(link.next(), "the connection is closed after a bad frame");
        }
        String elsewhere = Files.createDirectories(data.resolve("elsewhere")).toString();
        try (AgentLink link = connect()) {
            assertEquals("bad-frame", command(link, elsewhere, Map.of(), null, "secret", "list").type());
        }
        assertEquals(List.of(), approvals.asked);
    }

    @Test
    void garbageOversizedAndSilentClientsAreDroppedWithoutDisturbingOthers() throws Exception {
        try (SocketChannel silent = SocketChannel.open(UnixDomainSocketAddress.of(server.socketPath()));
             SocketChannel oversized = SocketChannel.open(UnixDomainSocketAddress.of(server.socketPath()));
             SocketChannel garbage = SocketChannel.open(UnixDomainSocketAddress.of(server.socketPath()))) {
            oversized.write(ByteBuffer.wrap(new byte[] {(byte) 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff}));
            Frame refused = FrameCodec.read(Channels.newInputStream(oversized));
            assertEquals("bad-frame", refused.type());
            byte[] junk = ("not json at all " + CANARY).getBytes(StandardCharsets.UTF_8);
            garbage.write(ByteBuffer.allocate(4 + junk.length).putInt(junk.length).put(junk).flip());
            InputStream garbageIn = Channels.newInputStream(garbage);
            Frame answer = FrameCodec.read(garbageIn);
            assertEquals("bad-frame", answer.type());
            assertFalse(answer.json().contains(CANARY), "the refusal does not echo the frame");
            assertEquals(-1, garbageIn.read(), "the connection was closed");
            // The silent one still holds its connection open: the others are served meanwhile.
            try (AgentLink link = connect()) {
                assertEquals("exit", command(link, Map.of(), null, "secret", "list").type());
            }
            assertTrue(silent.isConnected());
        }
    }

    @Test
    void aLockDuringAnApprovalWaitEndsTheRequestWithLockedAndServesNothingAfter() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        server.close();
        server = AgentServer.start(data, Map.of(), AgentServer.Mode.DESKTOP, request -> {
            waiting.countDown();
            try {
                Thread.sleep(TimeUnit.MINUTES.toMillis(5));
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
            }
            return Approval.ALLOW_ONCE;
        }, Argon2Params.FLOOR, null, Map::of);
        server.serve(new ServedSession(served.session(), served.services(), Instant.now()));
        try (AgentLink link = connect()) {
            Thread locker = new Thread(() -> {
                try {
                    waiting.await();
                    server.lock();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            locker.start();
            Reply reply = command(link, Map.of(), null, "secret", "get", SECRET);
            locker.join();
            assertEquals("locked", reply.type());
            assertEquals("", reply.out());
            assertTrue(interrupted.get(), "the approval wait was interrupted");
            assertEquals("locked", command(link, Map.of(), null, "secret", "list").type(), "nothing is served while locked");
        }
        try (AgentLink link = connect()) {
            assertTrue(link.welcome().flag("locked"), "a client learns that the app is locked");
            assertEquals("desktop", link.welcome().string("server"));
        }
    }

    @Test
    void lockAndStopRequestsReachTheAgentsOwner() throws Exception {
        try (AgentLink link = connect()) {
            assertEquals("exit", link.request(Frame.of("lock", 0)).type());
        }
        // The owner is told right after the answer is sent.
        for (int i = 0; i < 100 && !lockAsked.get(); i++) {
            Thread.sleep(50);
        }
        assertTrue(lockAsked.get());
    }

    @Test
    void aSecondAgentIsRefusedAndASocketLeftByACrashIsReplaced() throws Exception {
        assertThrows(OperationFailedException.class, () -> AgentServer.start(data, Map.of(), AgentServer.Mode.HEADLESS,
                approvals, Argon2Params.FLOOR, null, Map::of));
        Path socket = server.socketPath();
        server.close();
        assertFalse(Files.exists(socket), "closing removes the socket");
        // A crash leaves the file with nobody listening on it.
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(socket));
        }
        assertTrue(Files.exists(socket));
        server = AgentServer.start(data, Map.of(), AgentServer.Mode.HEADLESS, approvals, Argon2Params.FLOOR, null, Map::of);
        server.serve(new ServedSession(served.session(), served.services(), Instant.now()));
        try (AgentLink link = connect()) {
            assertEquals("exit", command(link, Map.of(), null, "secret", "list").type());
        }
    }

    @Test
    void aFolderOthersCanOpenIsRefused() throws Exception {
        Path runtime = Files.createDirectories(data.resolve("xdg"));
        Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
        Path folder = Files.createDirectories(runtime.resolve("keyward"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        OperationFailedException e = assertThrows(OperationFailedException.class, () -> AgentServer.start(
                data.resolve("other-root"), Map.of("XDG_RUNTIME_DIR", runtime.toString()), AgentServer.Mode.HEADLESS,
                approvals, Argon2Params.FLOOR, null, Map::of));
        assertTrue(e.getMessage().contains(folder.toString()), e.getMessage());
    }

    @Test
    void helloMustComeFirstAndAnotherVersionIsToldWhichOneIsSpoken() throws Exception {
        try (SocketChannel raw = SocketChannel.open(UnixDomainSocketAddress.of(server.socketPath()))) {
            var out = Channels.newOutputStream(raw);
            FrameCodec.write(out, Frame.of("hello", 1).with("v", 2));
            Frame answer = FrameCodec.read(Channels.newInputStream(raw));
            assertEquals("bad-version", answer.type());
            assertEquals(List.of(1L), answer.field("supported"));
        }
        try (SocketChannel raw = SocketChannel.open(UnixDomainSocketAddress.of(server.socketPath()))) {
            FrameCodec.write(Channels.newOutputStream(raw), Frame.of("command", 1).with("argv", List.of("secret", "list")));
            assertEquals("bad-frame", FrameCodec.read(Channels.newInputStream(raw)).type());
        }
    }

}
