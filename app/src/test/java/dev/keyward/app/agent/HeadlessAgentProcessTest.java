package dev.keyward.app.agent;

import static dev.keyward.app.agent.AgentFixture.CANARY;
import static dev.keyward.app.agent.AgentFixture.PASSWORD;
import static dev.keyward.app.agent.AgentFixture.PROJECT;
import static dev.keyward.app.agent.AgentFixture.SECRET;
import static dev.keyward.app.agent.AgentFixture.UNLINKED;
import static dev.keyward.app.agent.AgentFixture.UNLINKED_CANARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyward.app.agent.protocol.AgentLink;
import dev.keyward.app.agent.protocol.AgentSocketPath;
import dev.keyward.vault.process.ChildEnvironment;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keyward agent start|status|lock} as real separate JVMs: the agent asks for the password once,
 * serves in the background within its scope, and {@code keyward lock} ends it; no value and no
 * password appears in any output, command line or the agent's environment.
 */
class HeadlessAgentProcessTest {

    @TempDir
    Path data;
    private final List<String> outputs = new ArrayList<>();

    /** What one CLI process printed and returned. */
    private record Run(int code, String out, String err) {
    }

    private Run keyward(Map<String, String> env, String... args) throws Exception {
        return keyward(env, new File("/dev/null"), args);
    }

    private Run keyward(Map<String, String> env, File stdin, String... args) throws Exception {
        List<String> command = CliJvm.command(data, args);
        ProcessBuilder builder = ChildEnvironment.processBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(stdin));
        builder.environment().keySet().removeIf(k -> k.startsWith("KEYWARD_") || k.equals("XDG_RUNTIME_DIR"));
        builder.environment().putAll(env);
        Path out = Files.createTempFile(data, "out", ".txt");
        Path err = Files.createTempFile(data, "err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = builder.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "keyward " + String.join(" ", args) + " ended");
        Run run = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out); // what a command printed is checked through outputs, not left in the data folder
        Files.delete(err);
        outputs.add(run.out());
        outputs.add(run.err());
        return run;
    }

    @Test
    void anAgentStartedOnceServesItsScopeUntilLocked() throws Exception {
        AgentFixture.createProfile(data);
        Run start = keyward(Map.of("KEYWARD_PASSWORD", PASSWORD), "agent", "start", "--idle-timeout", "10m",
                "--project", AgentFixture.PROJECT);
        assertEquals(0, start.code(), start.err());
        Path socket = AgentSocketPath.of(data, Map.of()).socket();
        assertTrue(start.out().contains(socket.toString()), start.out());

        Run status = keyward(Map.of(), "agent", "status", "--json");
        assertEquals(0, status.code(), status.err());
        JsonNode json = new ObjectMapper().readTree(status.out());
        assertTrue(json.get("serving").asBoolean());
        assertEquals("work", json.get("profile").asText());
        assertEquals(socket.toString(), json.get("socket").asText());
        assertEquals("[\"app\"]", json.get("scope").toString());
        assertTrue(json.has("since") && json.has("idleDeadline"), status.out());
        long agentPid = json.get("pid").asLong();

        // Nothing of the password reached the agent's command line or environment.
        String environ = Files.readString(Path.of("/proc/" + agentPid + "/environ"), StandardCharsets.ISO_8859_1);
        String cmdline = Files.readString(Path.of("/proc/" + agentPid + "/cmdline"), StandardCharsets.ISO_8859_1);
        assertFalse(environ.contains(PASSWORD) || cmdline.contains(PASSWORD));

        try (AgentLink link = AgentLink.connect(socket, "test")) {
            AgentFixture.Reply inScope = AgentFixture.command(link, Map.of(), null, "secret", "get", SECRET);
            assertEquals(CANARY + "\n", inScope.out());
            AgentFixture.Reply outside = AgentFixture.command(link, Map.of(), null, "secret", "get", UNLINKED);
            assertEquals("refused", outside.type());
            assertEquals(6, outside.last().integer("code"));
            assertEquals("", outside.out());
        }

        Run lock = keyward(Map.of(), "lock");
        assertEquals(0, lock.code(), lock.err());
        assertFalse(Files.exists(socket), "the agent removed its socket");
        Optional<ProcessHandle> agent = ProcessHandle.of(agentPid);
        if (agent.isPresent()) {
            agent.get().onExit().get(30, TimeUnit.SECONDS);
        }
        assertEquals(1, keyward(Map.of(), "agent", "status").code(), "no agent serves after the lock");

        String all = String.join("\n", outputs);
        assertFalse(all.contains(CANARY) || all.contains(UNLINKED_CANARY) || all.contains(PASSWORD),
                "a value or the password reached a command's output");
    }

    @Test
    void anIdleAgentStopsByItselfAndAStoppedOneIsGone() throws Exception {
        AgentFixture.createProfile(data);
        Path socket = AgentSocketPath.of(data, Map.of()).socket();
        Run start = keyward(Map.of("KEYWARD_PASSWORD", PASSWORD), "agent", "start", "--idle-timeout", "1s");
        assertEquals(0, start.code(), start.err());
        for (int i = 0; i < 600 && Files.exists(socket); i++) {
            Thread.sleep(100);
        }
        assertFalse(Files.exists(socket), "the idle agent removed its socket");

        assertEquals(0, keyward(Map.of("KEYWARD_PASSWORD", PASSWORD), "agent", "start").code());
        Run second = keyward(Map.of("KEYWARD_PASSWORD", PASSWORD), "agent", "start");
        assertEquals(1, second.code(), "a second agent for the same data folder is refused");
        Run stop = keyward(Map.of(), "agent", "stop");
        assertEquals(0, stop.code(), stop.err());
        assertFalse(Files.exists(socket));
    }

    @Test
    void aWrongPasswordIsReportedByStartAndNothingServes() throws Exception {
        AgentFixture.createProfile(data);
        Run start = keyward(Map.of("KEYWARD_PASSWORD", "wrong-password-123"), "agent", "start");
        assertEquals(3, start.code(), start.err());
        assertTrue(start.err().startsWith("keyward: "), start.err());
        assertFalse(Files.exists(AgentSocketPath.of(data, Map.of()).socket()));
    }

    /**
     * The real fast-path client (Main in its own JVM, no password anywhere in its environment) against a
     * real headless agent: reads, run's exec, a write and its read-back, a refusal with its sentence, and
     * --no-agent taking the direct path. No value reaches stderr, the agent's output or the data folder.
     */
    @Test
    void theCommandLineUsesTheAgentWithoutAPassword() throws Exception {
        AgentFixture.createProfile(data);
        String written = "sk-written-through-agent-5d21";
        assertEquals(0, keyward(Map.of("KEYWARD_PASSWORD", PASSWORD), "agent", "start", "--idle-timeout", "10m").code());
        List<String> revealed = new ArrayList<>();

        Run get = keyward(Map.of(), "secret", "get", SECRET);
        assertEquals(0, get.code(), get.err());
        assertEquals(CANARY + "\n", get.out(), "the value came from the agent: there is no password to unlock with");
        revealed.add(get.out());

        Run run = keyward(Map.of(), "run", "--project", PROJECT, "--", "/bin/sh", "-c",
                "test \"$" + SECRET + "\" = \"" + CANARY + "\" && test -z \"$KEYWARD_PASSWORD\" && echo child-ok; exit 7");
        assertEquals(7, run.code(), "the client started the program of the exec answer and returned its code; " + run.err());
        assertEquals("child-ok\n", run.out());

        Path value = Files.writeString(data.resolve("value.txt"), written + "\n");
        Run add = keyward(Map.of(), value.toFile(), "secret", "add", "NEW_KEY", "--value-stdin");
        Files.delete(value);
        assertEquals(0, add.code(), add.err());
        Run back = keyward(Map.of(), "secret", "get", "NEW_KEY");
        assertEquals(written + "\n", back.out(), "a write through the agent is visible in its session");
        revealed.add(back.out());

        Run direct = keyward(Map.of(), "--no-agent", "secret", "get", SECRET);
        assertTrue(direct.code() != 0 && direct.out().isEmpty(),
                "--no-agent unlocks directly, and without a password it cannot: " + direct.err());
        Run directWithPassword = keyward(Map.of("KEYWARD_PASSWORD", PASSWORD), "--no-agent", "secret", "get", "NEW_KEY");
        assertEquals(written + "\n", directWithPassword.out(), "the agent's write is in the vault file itself");
        revealed.add(directWithPassword.out());
        assertEquals(0, keyward(Map.of(), "agent", "stop").code());

        // A scoped agent refuses what is outside its projects: exit 6 and the refusal's sentence.
        assertEquals(0, keyward(Map.of("KEYWARD_PASSWORD", PASSWORD), "agent", "start", "--project", PROJECT).code());
        Run refused = keyward(Map.of(), "secret", "get", UNLINKED);
        assertEquals(6, refused.code(), refused.err());
        assertEquals("", refused.out());
        assertEquals("keyward: This agent serves only the projects app, and the request reaches beyond them; nothing was shared.",
                refused.err().lines().findFirst().orElse(""));
        assertEquals(0, keyward(Map.of(), "lock").code());

        List<String> quiet = new ArrayList<>(outputs);
        revealed.forEach(quiet::remove);
        String all = String.join("\n", quiet);
        for (String canary : List.of(CANARY, UNLINKED_CANARY, written, PASSWORD)) {
            assertFalse(all.contains(canary), "a value or the password reached an output that must not hold it");
        }
        try (var files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String canary : List.of(CANARY, UNLINKED_CANARY, written, PASSWORD)) {
                    assertFalse(text.contains(canary), "a value or the password in " + data.relativize(file));
                }
            }
        }
    }
}
