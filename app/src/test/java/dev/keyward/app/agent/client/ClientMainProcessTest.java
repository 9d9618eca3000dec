package dev.keyward.app.agent.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.agent.protocol.AgentSocketPath;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent client's own entry point ({@link ClientMain}) as its own JVM on the class path the
 * {@code ./keyward} launcher gives it (the app and the jars its {@code client_jars} list names, read
 * from the script): what the agent serves is printed and started there, a program that cannot start
 * is reported in words, and a command no agent serves becomes the launcher with {@code --no-agent}
 * in the same process (pid), with the caller's environment, arguments and exit code.
 */
class ClientMainProcessTest {

    private static final String CANARY = "canary-pw-7d21";

    @TempDir
    Path dir;

    private record Result(int code, long pid, String out, String err) {
    }

    /** The launcher's list of jars for the client, from the script itself. */
    private static List<String> clientJars() throws Exception {
        String script = Files.readString(Path.of("..").toAbsolutePath().normalize().resolve("keyward"));
        Matcher m = Pattern.compile("(?m)^client_jars=\\(([^)]*)\\)").matcher(script);
        assertTrue(m.find(), "the launcher lists the client's jars");
        return List.of(m.group(1).trim().split("\\s+"));
    }

    /**
     * The launcher's client class path, in this build: the app's classes and, for each listed name, the
     * sibling module's classes or the library jar of that name on the test class path.
     */
    private static String clientClassPath() throws Exception {
        List<String> entries = new ArrayList<>(List.of(Path.of("target/classes").toAbsolutePath().toString()));
        List<String> names = clientJars();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            String file = path.getFileName().toString();
            for (String name : names) {
                boolean moduleClasses = path.endsWith(Path.of(name, "target", "classes"));
                // A module's test jar (vault-core's shared fixtures) is on the test's class path, not the client's.
                boolean jar = file.matches(Pattern.quote(name) + "-[0-9].*\\.jar") && !file.endsWith("-tests.jar");
                if (moduleClasses || jar) {
                    entries.add(entry);
                }
            }
        }
        assertEquals(1 + names.size(), entries.size(), "every listed jar was found: " + entries);
        return String.join(File.pathSeparator, entries);
    }

    private Result client(Path launcher, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-Dkeyward.launcher=" + launcher, "-cp", clientClassPath(), ClientMain.class.getName()));
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
        return new Result(process.exitValue(), process.pid(), Files.readString(dir.resolve("out.txt")),
                Files.readString(dir.resolve("err.txt")));
    }

    private Path socket() {
        return AgentSocketPath.of(dir.resolve("home"), Map.of("XDG_RUNTIME_DIR", dir.toString())).socket();
    }

    /** A stand-in launcher that records its pid, arguments and password variable, then exits 4. */
    private Path recordingLauncher() throws Exception {
        Path script = dir.resolve("launcher.sh");
        Files.writeString(script, "#!/bin/sh\necho \"$$|$*|${KEYWARD_PASSWORD:-unset}\" > '" + dir.resolve("launched.txt") + "'\n"
                + "echo 'the direct path ran'\nexit 4\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    @Test
    void aCommandTheAgentServesRunsOnTheLaunchersSmallClassPath() throws Exception {
        try (FakeAgent agent = FakeAgent.serve(socket(), c -> {
            c.greetAndReadCommand("work");
            c.send("{\"v\":1,\"type\":\"out\",\"id\":2,\"data\":\"sk-served\\n\"}");
            c.send("{\"v\":1,\"type\":\"exit\",\"id\":2,\"code\":3}");
        })) {
            Result result = client(recordingLauncher(), "secret", "get", "OPENAI_API_KEY");
            agent.awaitScript();
            assertEquals(3, result.code(), result.err());
            assertEquals("sk-served\n", result.out());
            assertEquals("", result.err());
            assertFalse(Files.exists(dir.resolve("launched.txt")), "a served command never reaches the launcher");
            assertFalse(agent.receivedText().contains(CANARY), "the password variable reached the agent");
        }
    }

    @Test
    void runStartsTheProgramAndAProgramThatCannotStartIsReportedInWords() throws Exception {
        try (FakeAgent agent = FakeAgent.serve(socket(), c -> {
            c.greetAndReadCommand("work");
            c.send("{\"v\":1,\"type\":\"exec\",\"id\":2,\"argv\":[\"/bin/sh\",\"-c\",\"echo \\\"key=$K\\\"; exit 7\"],"
                    + "\"env\":{\"K\":\"sk-injected\"}}");
        })) {
            Result result = client(recordingLauncher(), "run", "--project", "p", "--", "sh");
            agent.awaitScript();
            assertEquals(7, result.code(), result.err());
            // The exec answer names no masking, so the client masks (the default): the child ran with the value.
            assertEquals("key=<concealed by keyward>\n", result.out());
        }
        Files.delete(socket());
        try (FakeAgent agent = FakeAgent.serve(socket(), c -> {
            c.greetAndReadCommand("work");
            c.send("{\"v\":1,\"type\":\"exec\",\"id\":2,\"argv\":[\"" + dir.resolve("no-such-program") + "\"],\"env\":{}}");
        })) {
            Result result = client(recordingLauncher(), "run", "--project", "p", "--", "no-such-program");
            agent.awaitScript();
            assertEquals(1, result.code(), result.err());
            assertTrue(result.err().startsWith("keyward: Could not start '" + dir.resolve("no-such-program") + "'"), result.err());
            assertFalse(result.err().contains("Exception") || result.err().contains("\tat "), result.err());
        }
    }

    @Test
    void aCommandNoAgentServesBecomesTheLauncherWithNoAgentInTheSameProcess() throws Exception {
        Result result = client(recordingLauncher(), "--profile", "work", "secret", "get", "OPENAI_API_KEY");
        assertEquals(4, result.code(), result.err());
        assertEquals("the direct path ran\n", result.out());
        String launched = Files.readString(dir.resolve("launched.txt"), StandardCharsets.UTF_8).strip();
        assertEquals(result.pid() + "|--no-agent --profile work secret get OPENAI_API_KEY|" + CANARY, launched,
                "the launcher replaced the client's process, with the direct path forced and the caller's environment");
    }

    @Test
    void aLauncherThatCannotBeStartedIsReportedInOneSentence() throws Exception {
        Result result = client(dir.resolve("missing-launcher"), "secret", "get", "OPENAI_API_KEY");
        assertEquals(1, result.code(), result.err());
        assertTrue(result.err().startsWith("keyward: no Keyward agent served this command, and the direct path could not be"
                + " started"), result.err());
        assertTrue(result.err().strip().endsWith("run it again with --no-agent."), result.err());
        assertFalse(result.err().contains(CANARY));
    }
}
