package dev.keyward.app.agent.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyward.app.agent.protocol.AgentSocketPath;
import dev.keyward.app.child.ChildValues;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against a fake agent over a real Unix domain socket, frame by frame as docs/agent-protocol.md shows. */
class AgentClientTest {

    private static final String CANARY = "canary-pw-7f3a9";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Map<String, String> env() {
        return Map.of("KEYWARD_HOME", dir.resolve("home").toString(), "XDG_RUNTIME_DIR", dir.toString(),
                "KEYWARD_PASSWORD", CANARY, "KEYWARD_API_TOKEN", CANARY, "KEYWARD_PROFILE", "work", "TERM", "xterm",
                "HOME", "/home/ada");
    }

    private Path socket() {
        return AgentSocketPath.of(dir.resolve("home"), env()).socket();
    }

    private AgentClient client(InputStream in, AgentClient.ChildLauncher children) {
        return new AgentClient(in, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), children);
    }

    private OptionalInt serve(InputStream in, String... args) {
        return AgentFastPath.serve(args, env(), dir, false, client(in, (argv, env, e) -> 99),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void outputErrorsAndExitCodeOfTheAgentsCommandReachTheClient() throws Exception {
        try (FakeAgent agent = FakeAgent.serve(socket(), c -> {
            c.greetAndReadCommand("work");
            c.send("{\"v\":1,\"type\":\"out\",\"id\":2,\"data\":\"sk-value \\u00e9\\n\"}");
            c.send("{\"v\":1,\"type\":\"err\",\"id\":2,\"data\":\"Note: a note\\n\"}");
            c.send("{\"v\":1,\"type\":\"exit\",\"id\":2,\"code\":3}");
        })) {
            OptionalInt code = serve(InputStream.nullInputStream(), "secret", "get", "OPENAI_API_KEY");
            agent.awaitScript();
            assertEquals(OptionalInt.of(3), code);
            assertEquals("sk-value \u00e9\n", out());
            assertEquals("Note: a note\n", err());
            JsonNode command = agent.frames().get(1);
            assertEquals("command", command.path("type").asText());
            assertEquals(2, command.path("id").asInt());
            assertEquals(List.of("secret", "get", "OPENAI_API_KEY"),
                    List.of(command.path("argv").get(0).asText(), command.path("argv").get(1).asText(),
                            command.path("argv").get(2).asText()));
            assertEquals(dir.toString(), command.path("cwd").asText());
            assertEquals(List.of("KEYWARD_HOME", "KEYWARD_PROFILE", "TERM"),
                    fieldNames(command.path("env")));
            assertFalse(agent.receivedText().contains(CANARY), "a credential variable reached the agent");
        }
    }

    @Test
    void noAgentIsRemovedFromWhatTheAgentIsSentAndForcesTheDirectPath() {
        assertEquals(OptionalInt.empty(), serve(InputStream.nullInputStream(), "--no-agent", "secret", "list"));
        AgentRoute route = AgentRoute.of(new String[] {"run", "--project", "p", "--", "echo", "--no-agent"});
        assertEquals(List.of("run", "--project", "p", "--", "echo", "--no-agent"), route.agentArgv());
        assertTrue(route.useAgent());
    }

    @Test
    void stdinIsSentInFramesWhenTheAgentAsksForIt() throws Exception {
        // Long enough for several frames, with a character outside the BMP that a cut could split.
        String input = "first line\n" + "x".repeat(StdinPump.CHUNK - 12) + "\uD83D\uDE00 tail \u00fc\n".repeat(3);
        StringBuilder echoed = new StringBuilder();
        try (FakeAgent agent = FakeAgent.serve(socket(), c -> {
            c.greetAndReadCommand("work");
            c.send("{\"v\":1,\"type\":\"stdin-wanted\",\"id\":2}");
            c.send("{\"v\":1,\"type\":\"out\",\"id\":2,\"data\":\"reading\\n\"}");
            while (true) {
                JsonNode frame = c.read();
                assertEquals("stdin", frame.path("type").asText());
                echoed.append(frame.path("data").asText());
                if (frame.path("eof").asBoolean()) {
                    break;
                }
            }
            c.send("{\"v\":1,\"type\":\"exit\",\"id\":2,\"code\":0}");
        })) {
            OptionalInt code = serve(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                    "secret", "set", "NAME");
            agent.awaitScript();
            assertEquals(OptionalInt.of(0), code);
            assertEquals(input, echoed.toString());
            assertEquals("reading\n", out());
        }
    }

    @Test
    void aLockedAppSaysSoInOneSentenceAndWithoutATerminalTheCommandRunsDirectlyUnasked() throws Exception {
        try (FakeAgent agent = FakeAgent.serve(socket(), c -> {
            c.read();
            c.send("{\"v\":1,\"type\":\"welcome\",\"id\":1,\"profile\":\"work\",\"server\":\"desktop\",\"locked\":true}");
        })) {
            OptionalInt code = serve(InputStream.nullInputStream(), "secret", "get", "A");
            agent.awaitScript();
            assertEquals(OptionalInt.empty(), code);
            assertEquals("keyward: Keyward is open but profile 'work' is locked, so this command needs the password"
                    + " itself (unlock it in the app to skip this next time).\n", err());
            assertEquals(List.of("hello"), agent.frames().stream().map(f -> f.path("type").asText()).toList(),
                    "no window is raised for nobody, and no command is sent to a locked agent");
        }
    }

    @Test
    void aPersonWhoDeclinesTheUnlockWindowGetsTheDirectPathAndNoWindowMoves() throws Exception {
        List<String> asked = new java.util.ArrayList<>();
        try (FakeAgent agent = FakeAgent.serve(socket(), c -> {
            c.read();
            c.send("{\"v\":1,\"type\":\"welcome\",\"id\":1,\"profile\":\"work\",\"server\":\"desktop\",\"locked\":true}");
        })) {
            PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
            AgentClient client = client(InputStream.nullInputStream(), (argv, env, e) -> 99);
            OptionalInt code = AgentFastPath.serve(new String[] {"secret", "get", "A"}, env(), dir, true, client, errStream,
                    new LockedApp(client, errStream, question -> asked.add(question) && false, LockedApp.UNLOCK_WAIT));
            agent.awaitScript();
            assertEquals(OptionalInt.empty(), code);
            assertEquals(List.of("Bring Keyward's unlock window forward to unlock there? [Y/n] "), asked);
            assertEquals("keyward: Keyward is open but profile 'work' is locked.\n", err());
            assertEquals(List.of("hello"), agent.frames().stream().map(f -> f.path("type").asText()).toList());
        }
    }

    @Test
    void aBadFrameAnswerWithoutAnIdIsTheAgentsRefusalNotABrokenConnection() throws Exception {
        try (FakeAgent agent = FakeAgent.serve(socket(), c -> {
            c.greetAndReadCommand("work");
            c.send("{\"v\":1,\"type\":\"bad-frame\",\"message\":\"the variable NAME may not be sent\"}");
        })) {
            OptionalInt code = serve(InputStream.nullInputStream(), "secret", "get", "A");
            agent.awaitScript();
            assertEquals(OptionalInt.of(1), code);
            assertEquals("keyward: the Keyward agent did not accept this request: the variable NAME may not be sent\n",
                    err());
        }
    }

    @Test
    void aProfileLockedWhileTheCommandRanFallsBackToTheDirectPath() throws Exception {
        try (FakeAgent agent = FakeAgent.serve(socket(), c -> {
            c.greetAndReadCommand("work");
            c.send("{\"v\":1,\"type\":\"locked\",\"id\":2}");
        })) {
            OptionalInt code = serve(InputStream.nullInputStream(), "secret", "get", "A");
            agent.awaitScript();
            assertEquals(OptionalInt.empty(), code);
            assertTrue(err().contains("profile 'work' is locked"), err());
        }
    }

    @Test
    void aRefusedRequestPrintsTheMessageAndExitsWithSix() throws Exception {
        try (FakeAgent agent = FakeAgent.serve(socket(), c -> {
            c.greetAndReadCommand("work");
            c.send("{\"v\":1,\"type\":\"refused\",\"id\":2,\"code\":6,"
                    + "\"message\":\"The request was denied in the Keyward app.\"}");
        })) {
            OptionalInt code = serve(InputStream.nullInputStream(), "secret", "get", "A");
            agent.awaitScript();
            assertEquals(OptionalInt.of(AgentClient.REFUSED), code);
            assertEquals("keyward: The request was denied in the Keyward app.\n", err());
            assertEquals("", out());
        }
    }

    @Test
    void aDirectAnswerRunsTheCommandDirectlyWithoutANote() throws Exception {
        try (FakeAgent agent = FakeAgent.serve(socket(), c -> {
            c.greetAndReadCommand("work");
            c.send("{\"v\":1,\"type\":\"direct\",\"id\":2}");
        })) {
            assertEquals(OptionalInt.empty(), serve(InputStream.nullInputStream(), "profile", "list"),
                    "a command that needs no profile is not even offered");
            OptionalInt code = serve(InputStream.nullInputStream(), "settings", "show");
            agent.awaitScript();
            assertEquals(OptionalInt.empty(), code);
            assertEquals("", err());
        }
    }

    @Test
    void withNoSocketTheCommandRunsDirectly() {
        assertFalse(Files.exists(socket()));
        assertEquals(OptionalInt.empty(), serve(InputStream.nullInputStream(), "secret", "get", "A"));
        assertEquals("", err());
    }

    @Test
    void aSocketNobodyAnswersOnMeansTheDirectPath() throws Exception {
        Files.createDirectories(socket().getParent());
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(socket()));
        }
        assertTrue(Files.exists(socket()), "the file a crashed agent leaves behind");
        assertEquals(OptionalInt.empty(), serve(InputStream.nullInputStream(), "secret", "get", "A"));
        assertEquals("", err());
    }

    @Test
    void anAgentThatNeverAnswersHelloIsGivenUpOn() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (FakeAgent agent = FakeAgent.serve(socket(), c -> {
            c.read();
            release.await();
        })) {
            AgentClient.Outcome outcome = client(InputStream.nullInputStream(), (a, e, s) -> 99)
                    .run(socket(), request("secret", "get", "A"));
            release.countDown();
            assertEquals(new AgentClient.Direct(Optional.empty()), outcome);
        }
    }

    @Test
    void aConnectionLostAfterTheCommandWasSentIsReportedAndNotRetried() throws Exception {
        try (FakeAgent agent = FakeAgent.serve(socket(), c -> {
            c.greetAndReadCommand("work");
            c.send("{\"v\":1,\"type\":\"out\",\"id\":2,\"data\":\"partial\"}");
        })) {
            OptionalInt code = serve(InputStream.nullInputStream(), "secret", "set", "A");
            agent.awaitScript();
            assertEquals(OptionalInt.of(1), code);
            assertEquals("partial", out());
            assertTrue(err().startsWith("keyward: the connection to the Keyward agent broke before the command finished"),
                    err());
        }
    }

    @Test
    void anOversizedOrMalformedFrameFromTheAgentEndsTheCommandWithAnError() throws Exception {
        try (FakeAgent agent = FakeAgent.serve(socket(), c -> {
            c.greetAndReadCommand("work");
            c.sendHeader(FrameChannel.MAX_FRAME + 1);
        })) {
            assertEquals(OptionalInt.of(1), serve(InputStream.nullInputStream(), "secret", "get", "A"));
            agent.awaitScript();
            assertTrue(err().contains("outside 1 byte to 1 MiB"), err());
        }
        Files.deleteIfExists(socket());
        err.reset();
        try (FakeAgent agent = FakeAgent.serve(socket(), c -> {
            c.greetAndReadCommand("work");
            c.send("{\"v\":1,\"type\":\"out\",\"id\":2,\"data\":\"" + CANARY + "\" trailing}");
        })) {
            assertEquals(OptionalInt.of(1), serve(InputStream.nullInputStream(), "secret", "get", "A"));
            agent.awaitScript();
            assertTrue(err().contains("(not JSON)"), err()); // the shared codec names the rule
            assertFalse(err().contains(CANARY), "the bad frame's content was echoed");
        }
    }

    @Test
    void execStartsTheProgramWithTheGivenVariablesAndWithoutCredentials() throws Exception {
        Path seen = dir.resolve("child-env.txt");
        try (FakeAgent agent = FakeAgent.serve(socket(), c -> {
            c.greetAndReadCommand("work");
            c.send("{\"v\":1,\"type\":\"exec\",\"id\":2,\"argv\":[\"/bin/sh\",\"-c\",\"env > '" + seen + "'; exit 7\"],"
                    + "\"env\":{\"OPENAI_API_KEY\":\"sk-from-agent\"}}");
        })) {
            AgentClient.Outcome outcome = client(InputStream.nullInputStream(), new ExecChild(env()))
                    .run(socket(), request("run", "--project", "p", "--", "x"));
            agent.awaitScript();
            assertEquals(new AgentClient.Exited(7), outcome);
            String childEnv = Files.readString(seen);
            assertTrue(childEnv.contains("OPENAI_API_KEY=sk-from-agent\n"), childEnv);
            assertTrue(childEnv.contains("HOME=/home/ada\n"), "the client's own environment is inherited");
            assertFalse(childEnv.contains(CANARY), "a credential variable reached the child");
        }
    }

    @Test
    void aProgramThatCannotStartIsReportedLikeTheDirectPathDoes() throws Exception {
        try (FakeAgent agent = FakeAgent.serve(socket(), c -> {
            c.greetAndReadCommand("work");
            c.send("{\"v\":1,\"type\":\"exec\",\"id\":2,\"argv\":[\"/nonexistent/prog\"],\"env\":{}}");
        })) {
            AgentClient.Outcome outcome = client(InputStream.nullInputStream(), new ExecChild(env()))
                    .run(socket(), request("run", "--project", "p", "--", "/nonexistent/prog"));
            agent.awaitScript();
            assertInstanceOf(AgentClient.Exited.class, outcome);
            assertEquals(1, ((AgentClient.Exited) outcome).code());
            assertTrue(err().startsWith("keyward: Could not start '/nonexistent/prog'"), err());
        }
    }

    /** Records what an exec frame handed to the launcher. */
    private static final class MaskingChoice implements AgentClient.ChildLauncher {
        Boolean masking;
        ChildValues values;

        @Override
        public int run(List<String> argv, ChildValues values, PrintStream err) {
            this.masking = values.masking();
            this.values = values;
            return 0;
        }
    }

    private MaskingChoice execWith(String maskingField) throws Exception {
        MaskingChoice launcher = new MaskingChoice();
        try (FakeAgent agent = FakeAgent.serve(socket(), c -> {
            c.greetAndReadCommand("work");
            c.send("{\"v\":1,\"type\":\"exec\",\"id\":2,\"argv\":[\"x\"],\"env\":{}" + maskingField + "}");
        })) {
            client(InputStream.nullInputStream(), launcher).run(socket(), request("run", "--project", "p", "--", "x"));
            agent.awaitScript();
        }
        Files.deleteIfExists(socket()); // the next fake agent binds the same path
        return launcher;
    }

    @Test
    void execMasksUnlessTheAgentSaysNot() throws Exception {
        assertEquals(Boolean.TRUE, execWith("").masking, "no field: masking, the default");
        assertEquals(Boolean.TRUE, execWith(",\"masking\":true").masking);
        assertEquals(Boolean.FALSE, execWith(",\"masking\":false").masking);
        MaskingChoice bad = execWith(",\"masking\":\"no\"");
        assertEquals(null, bad.masking, "a masking field that is not a boolean is a bad frame");
        assertTrue(err().contains("masking is not true or false"), err());
        ChildValues inside = execWith(",\"mask\":[\"inside-a-url-secret\"]").values;
        assertEquals(List.of("inside-a-url-secret"), inside.embedded(), "the secrets inside larger values are masked too");
        assertEquals(List.of(), execWith(",\"masking\":false,\"mask\":[\"inside-a-url-secret\"]").values.embedded());
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names.stream().sorted().toList();
    }

    @Test
    void anAgentOfAnotherUserIsNotUsed() throws Exception {
        // The fake agent of bench/ run as 'nobody'; only root can start it so, and CI runs as root.
        assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/setpriv")),
                "needs root and setpriv");
        Path home = dir.resolve("shared-home");
        Files.createDirectories(home);
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        Path envFile = dir.resolve("ten.env");
        Files.writeString(envFile, "VAR1=x\n");
        Files.setPosixFilePermissions(envFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        ProcessBuilder builder = new ProcessBuilder("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                "/usr/bin/python3", Path.of("..", "bench", "fake-agent.py").toAbsolutePath().normalize().toString(),
                home.toString(), "sk-from-someone-else", envFile.toString());
        builder.environment().remove("XDG_RUNTIME_DIR");
        builder.redirectErrorStream(true);
        Process other = builder.start();
        try {
            String socketLine = new java.io.BufferedReader(new java.io.InputStreamReader(other.getInputStream(),
                    StandardCharsets.UTF_8)).readLine();
            Path socket = AgentSocketPath.of(home, Map.of()).socket();
            assertEquals(socket.toString(), socketLine);
            AgentClient.Outcome outcome = client(InputStream.nullInputStream(), (a, e, s) -> 99)
                    .run(socket, request("secret", "get", "A"));
            assertEquals(new AgentClient.Direct(Optional.empty()), outcome);
            assertEquals("", out());
            assertTrue(err().contains("is served by another user; it was not used."), err());
        } finally {
            other.destroy();
            other.waitFor();
        }
    }

    private AgentRequest request(String... args) {
        return AgentRequest.of(AgentRoute.of(args), dir, env(), false, false);
    }
}
