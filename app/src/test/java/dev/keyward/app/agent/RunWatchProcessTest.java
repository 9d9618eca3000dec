package dev.keyward.app.agent;

import static dev.keyward.app.agent.AgentFixture.CANARY;
import static dev.keyward.app.agent.AgentFixture.PASSWORD;
import static dev.keyward.app.agent.AgentFixture.PROJECT;
import static dev.keyward.app.agent.AgentFixture.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.vault.process.ChildEnvironment;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, as real separate JVMs: {@code run --watch} restarts its program when a value it was given is
 * rotated (SIGTERM, the grace period, SIGKILL) and stops it with exit code 4 when the secret is deleted,
 * both directly and through a headless agent; {@code read} and {@code inject} work through the agent. No
 * value reaches Keyward's own output (only the program's log holds them, on purpose).
 */
class RunWatchProcessTest {

    private static final String ROTATED = "sk-rotated-canary-55e0a1";
    private static final String ROTATED_AGAIN = "sk-rotated-again-canary-9b1f";

    @TempDir
    Path data;
    @TempDir
    Path work;
    private final List<String> outputs = new ArrayList<>();
    private final List<Process> started = new ArrayList<>();

    private record Run(int code, String out, String err) {
    }

    @AfterEach
    void stopWhatIsLeft() {
        started.forEach(p -> p.descendants().forEach(ProcessHandle::destroyForcibly));
        started.forEach(Process::destroyForcibly);
    }

    private ProcessBuilder builder(Map<String, String> env, File stdin, String... args) {
        List<String> command = CliJvm.command(data, args);
        ProcessBuilder builder = ChildEnvironment.processBuilder(command).redirectInput(ProcessBuilder.Redirect.from(stdin));
        builder.environment().keySet().removeIf(k -> k.startsWith("KEYWARD_") || k.equals("XDG_RUNTIME_DIR"));
        builder.environment().putAll(env);
        return builder;
    }

    private Run keyward(Map<String, String> env, File stdin, String... args) throws Exception {
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        Process p = builder(env, stdin, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        started.add(p);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "keyward " + String.join(" ", args) + " ended");
        Run run = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        outputs.add(run.out());
        outputs.add(run.err());
        return run;
    }

    private Run keyward(Map<String, String> env, String... args) throws Exception {
        return keyward(env, new File("/dev/null"), args);
    }

    /** A watched program that logs each start with its value, and each SIGTERM (or ignores it). */
    private String program(Path log, boolean ignoreTerm) {
        return "echo \"start $" + SECRET + " ${KEYWARD_PASSWORD:-nopw}\" >> '" + log + "'; "
                + (ignoreTerm ? "trap '' TERM; " : "trap 'echo term >> \"" + log + "\"; exit 0' TERM; ")
                + "while :; do sleep 0.2; done";
    }

    private static void await(Path log, Predicate<List<String>> done, Process watch) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            if (done.test(lines)) {
                return;
            }
            assertTrue(watch.isAlive() || done.test(lines), "the watch ended early: " + lines);
            Thread.sleep(100);
        }
        throw new AssertionError("not seen in time: " + (Files.exists(log) ? Files.readAllLines(log) : List.of()));
    }

    private Path rotation(String value) throws Exception {
        return Files.writeString(work.resolve("value-" + value.length() + ".txt"), value + "\n");
    }

    @Test
    void directlyARotationRestartsTheProgramAndADeletionStopsIt() throws Exception {
        AgentFixture.createProfile(data);
        Path log = work.resolve("direct.log");
        Path err = work.resolve("watch.err");
        Process watch = builder(Map.of("KEYWARD_PASSWORD", PASSWORD), new File("/dev/null"), "--no-agent", "run",
                "--project", PROJECT, "--watch", "--grace", "1s", "--", "/bin/sh", "-c", program(log, true))
                .redirectOutput(work.resolve("watch.out").toFile()).redirectError(err.toFile()).start();
        started.add(watch);
        await(log, lines -> lines.contains("start " + CANARY + " nopw"), watch);

        Run rotate = keyward(Map.of("KEYWARD_PASSWORD", PASSWORD), rotation(ROTATED).toFile(), "--no-agent",
                "secret", "rotate", SECRET, "--value-stdin");
        assertEquals(0, rotate.code(), rotate.err());
        // The program ignores SIGTERM: after the grace period it is killed and started again with the new value.
        await(log, lines -> lines.contains("start " + ROTATED + " nopw"), watch);

        Run remove = keyward(Map.of("KEYWARD_PASSWORD", PASSWORD), "--no-agent", "secret", "rm", SECRET, "--yes");
        assertEquals(0, remove.code(), remove.err());
        assertTrue(watch.waitFor(90, TimeUnit.SECONDS), "the watch stopped after the deletion");
        assertEquals(4, watch.exitValue());
        String stderr = Files.readString(err);
        assertTrue(stderr.contains("keyward: " + SECRET + " changed; restarting the program (SIGTERM, then SIGKILL after 1s)."),
                stderr);
        assertTrue(stderr.contains("keyward: the secret of " + SECRET + " was deleted or unlinked; stopping the program"),
                stderr);
        outputs.add(stderr);
        outputs.add(Files.readString(work.resolve("watch.out")));
        assertNoValueInOutputs();
    }

    @Test
    void throughTheAgentReadInjectAndAWatchWorkWithoutAPassword() throws Exception {
        AgentFixture.createProfile(data);
        assertEquals(0, keyward(Map.of("KEYWARD_PASSWORD", PASSWORD), "agent", "start", "--idle-timeout", "10m").code());

        Run read = keyward(Map.of(), "read", "-n", "keyward://projects/" + PROJECT + "/" + SECRET);
        assertEquals(0, read.code(), read.err());
        assertEquals(CANARY, read.out());
        outputs.remove(read.out());
        Path template = Files.writeString(work.resolve("config.tpl"), "key: keyward://secrets/" + SECRET + "\n");
        Path injected = work.resolve("config.yml");
        Run inject = keyward(Map.of(), "inject", "-i", template.toString(), "-o", injected.toString());
        assertEquals(0, inject.code(), inject.err());
        assertEquals("key: " + CANARY + "\n", Files.readString(injected));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(injected)));
        Files.delete(injected);

        Path envFile = Files.writeString(work.resolve(".env.keyward"), SECRET + "=keyward://projects/" + PROJECT + "/" + SECRET + "\n");
        Path log = work.resolve("agent.log");
        Path err = work.resolve("watch.err");
        Process watch = builder(Map.of(), new File("/dev/null"), "run", "--env-file", envFile.toString(), "--watch",
                "--grace", "5s", "--", "/bin/sh", "-c", program(log, false))
                .redirectOutput(work.resolve("watch.out").toFile()).redirectError(err.toFile()).start();
        started.add(watch);
        await(log, lines -> lines.contains("start " + CANARY + " nopw"), watch);

        Run rotate = keyward(Map.of(), rotation(ROTATED_AGAIN).toFile(), "secret", "rotate", SECRET, "--value-stdin");
        assertEquals(0, rotate.code(), "a rotation through the agent (its own connection): " + rotate.err());
        await(log, lines -> lines.equals(List.of("start " + CANARY + " nopw", "term", "start " + ROTATED_AGAIN + " nopw")),
                watch);

        Run remove = keyward(Map.of(), "secret", "rm", SECRET, "--yes");
        assertEquals(0, remove.code(), remove.err());
        assertTrue(watch.waitFor(90, TimeUnit.SECONDS), "the watch stopped after the deletion");
        assertEquals(4, watch.exitValue());
        assertTrue(Files.readAllLines(log).get(3).equals("term"), "the program got SIGTERM");
        String stderr = Files.readString(err);
        assertTrue(stderr.contains(SECRET + " changed; restarting") && stderr.contains("was deleted or unlinked"), stderr);
        outputs.add(stderr);
        outputs.add(Files.readString(work.resolve("watch.out")));
        assertEquals(0, keyward(Map.of(), "lock").code());
        assertNoValueInOutputs();
    }

    /** A watched program that prints its value raw and base64-encoded on stdout and stderr, then logs its start. */
    private String printingProgram(Path log) {
        return "echo \"out $" + SECRET + "\"; echo \"err $" + SECRET + "\" >&2; "
                + "printf %s \"$" + SECRET + "\" | base64; printf %s \"$" + SECRET + "\" | base64 >&2; "
                + "echo \"start $" + SECRET + "\" >> '" + log + "'; trap 'exit 0' TERM; while :; do sleep 0.2; done";
    }

    /** Watches the printing program, rotates its secret, deletes it, and returns the watch's stdout and stderr. */
    private List<String> watchPrinting(Map<String, String> env, String rotated, String... global) throws Exception {
        Path log = work.resolve("printing.log");
        List<String> args = new ArrayList<>(List.of(global));
        args.addAll(List.of("run", "--project", PROJECT, "--watch", "--grace", "5s", "--", "/bin/sh", "-c",
                printingProgram(log)));
        Path out = work.resolve("printing.out");
        Path err = work.resolve("printing.err");
        Process watch = builder(env, new File("/dev/null"), args.toArray(String[]::new))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        started.add(watch);
        await(log, lines -> lines.contains("start " + CANARY), watch);
        List<String> rotate = new ArrayList<>(List.of(global));
        rotate.addAll(List.of("secret", "rotate", SECRET, "--value-stdin"));
        Run rotation = keyward(env, rotation(rotated).toFile(), rotate.toArray(String[]::new));
        assertEquals(0, rotation.code(), rotation.err());
        await(log, lines -> lines.contains("start " + rotated), watch);
        List<String> remove = new ArrayList<>(List.of(global));
        remove.addAll(List.of("secret", "rm", SECRET, "--yes"));
        assertEquals(0, keyward(env, remove.toArray(String[]::new)).code());
        assertTrue(watch.waitFor(90, TimeUnit.SECONDS), "the watch stopped after the deletion");
        assertEquals(4, watch.exitValue());
        return List.of(Files.readString(out), Files.readString(err));
    }

    private void assertMaskedBeforeAndAfterTheRotation(List<String> streams, String rotated) {
        String concealed = "<concealed by keyward>";
        String out = streams.get(0);
        String err = streams.get(1);
        assertEquals(List.of("out " + concealed, concealed, "out " + concealed, concealed), out.lines().toList(), out);
        assertEquals(2, err.lines().filter(("err " + concealed)::equals).count(), err);
        for (String value : List.of(CANARY, rotated)) {
            String base64 = java.util.Base64.getEncoder().encodeToString(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (String stream : streams) {
                assertFalse(stream.contains(value) || stream.contains(base64), "a value reached the watched program's output");
            }
        }
    }

    @Test
    void directlyAWatchedProgramsOutputIsMaskedBeforeAndAfterARotation() throws Exception {
        AgentFixture.createProfile(data);
        List<String> streams = watchPrinting(Map.of("KEYWARD_PASSWORD", PASSWORD), ROTATED, "--no-agent");
        assertMaskedBeforeAndAfterTheRotation(streams, ROTATED);
    }

    @Test
    void throughTheAgentAWatchedProgramsOutputIsMaskedBeforeAndAfterARotation() throws Exception {
        AgentFixture.createProfile(data);
        assertEquals(0, keyward(Map.of("KEYWARD_PASSWORD", PASSWORD), "agent", "start", "--idle-timeout", "10m").code());
        List<String> streams = watchPrinting(Map.of(), ROTATED_AGAIN);
        assertEquals(0, keyward(Map.of(), "lock").code());
        assertMaskedBeforeAndAfterTheRotation(streams, ROTATED_AGAIN);
    }

    private void assertNoValueInOutputs() {
        String all = String.join("\n", outputs);
        for (String canary : List.of(CANARY, ROTATED, ROTATED_AGAIN, PASSWORD)) {
            assertFalse(all.contains(canary), "a value or the password reached Keyward's output");
        }
    }
}
