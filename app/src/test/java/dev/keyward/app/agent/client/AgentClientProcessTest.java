package dev.keyward.app.agent.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.agent.protocol.AgentSocketPath;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code keyward} entry point ({@code dev.keyward.app.Main}) as its own JVM against a fake
 * agent: the command is served through the socket, the program of a {@code run} is started by the
 * client with the project's variables and without the caller's credentials, and the client's JVM
 * loads none of the heavy libraries the direct path needs (its class-load log is read).
 */
class AgentClientProcessTest {

    private static final String CANARY = "canary-pw-51c0";

    /** Libraries the fast path must not load: SQLite, Argon2 (JNA, BouncyCastle), Flyway, Playwright, JavaFX, picocli, Jackson. */
    private static final Pattern HEAVY = Pattern.compile("\\] (org\\.sqlite|de\\.mkammerer|com\\.sun\\.jna|org\\.bouncycastle"
            + "|org\\.flywaydb|com\\.microsoft\\.playwright|javafx\\.|com\\.sun\\.javafx|picocli\\.|com\\.fasterxml\\.jackson)\\S*");

    @TempDir
    Path dir;

    private record Result(int code, String out, String err, String classLog) {
    }

    private Result keyward(String... args) throws Exception {
        Path log = dir.resolve("classes.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xlog:class+load=info:file=" + log,
                "-cp", System.getProperty("java.class.path"), "dev.keyward.app.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", dir.toString());
        env.put("KEYWARD_HOME", dir.resolve("home").toString());
        env.put("XDG_RUNTIME_DIR", dir.toString());
        env.put("KEYWARD_PASSWORD", CANARY);
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.redirectOutput(dir.resolve("out.txt").toFile());
        builder.redirectError(dir.resolve("err.txt").toFile());
        Process process = builder.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the client JVM finished");
        return new Result(process.exitValue(), Files.readString(dir.resolve("out.txt")),
                Files.readString(dir.resolve("err.txt")), Files.readString(log, StandardCharsets.UTF_8));
    }

    private Path socket() {
        return AgentSocketPath.of(dir.resolve("home"), Map.of("XDG_RUNTIME_DIR", dir.toString())).socket();
    }

    private static List<String> heavyClasses(String classLog) {
        List<String> found = new ArrayList<>();
        Matcher m = HEAVY.matcher(classLog);
        while (m.find() && found.size() < 10) {
            found.add(m.group().substring(2));
        }
        return found;
    }

    @Test
    void aCommandServedByTheAgentLoadsNoHeavyLibrary() throws Exception {
        try (FakeAgent agent = FakeAgent.serve(socket(), c -> {
            c.greetAndReadCommand("work");
            c.send("{\"v\":1,\"type\":\"out\",\"id\":2,\"data\":\"sk-served-by-agent\\n\"}");
            c.send("{\"v\":1,\"type\":\"exit\",\"id\":2,\"code\":0}");
        })) {
            Result result = keyward("secret", "get", "OPENAI_API_KEY");
            agent.awaitScript();
            assertEquals(0, result.code(), result.err());
            assertEquals("sk-served-by-agent\n", result.out());
            assertTrue(result.classLog().contains("dev.keyward.app.agent.client.AgentClient "),
                    "the class-load log was written and shows the client");
            assertEquals(List.of(), heavyClasses(result.classLog()));
            assertFalse(agent.receivedText().contains(CANARY), "the password variable reached the agent");
        }
    }

    @Test
    void runStartsTheProgramInTheClientWithTheProjectsVariablesAndWithoutThePassword() throws Exception {
        try (FakeAgent agent = FakeAgent.serve(socket(), c -> {
            c.greetAndReadCommand("work");
            c.send("{\"v\":1,\"type\":\"exec\",\"id\":2,\"argv\":[\"/bin/sh\",\"-c\","
                    + "\"echo \\\"key=$OPENAI_API_KEY\\\"; echo \\\"pw=${KEYWARD_PASSWORD:-unset}\\\"; exit 7\"],"
                    + "\"env\":{\"OPENAI_API_KEY\":\"sk-injected\"}}");
        })) {
            Result result = keyward("run", "--project", "p", "--", "sh");
            agent.awaitScript();
            assertEquals(7, result.code(), result.err());
            // The injected value is masked in the child's output (on by default, as the frame has no masking field).
            assertEquals("key=" + dev.keyward.app.child.OutputMask.CONCEALED + "\npw=unset\n", result.out());
            assertEquals(List.of(), heavyClasses(result.classLog()));
        }
    }

    @Test
    void withNoAgentTheCommandTakesTheDirectPath() throws Exception {
        Result result = keyward("secret", "get", "OPENAI_API_KEY");
        assertEquals(4, result.code(), result.err()); // no profile in the empty data folder: the direct path's answer
        assertTrue(result.classLog().contains("picocli.CommandLine "), "the direct path parsed the command");
        assertFalse(result.err().contains(CANARY));
    }
}
