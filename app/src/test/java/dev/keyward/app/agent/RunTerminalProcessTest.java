package dev.keyward.app.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import com.pty4j.WinSize;
import dev.keyward.app.child.OutputMask;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keyward run} as a real CLI JVM on a pseudo-terminal (pty4j here stands for the user's
 * terminal): the child sees a terminal, its colours arrive, a window size change and Ctrl-C reach it,
 * typed input reaches it, and its output is still masked; a watched program and its restart after a
 * rotation each see a terminal too; directly and through a running agent.
 */
@DisabledOnOs(OS.WINDOWS)
class RunTerminalProcessTest {

    private static final String MASK = OutputMask.CONCEALED;
    private static final String ROTATED = "sk-watch-rotated-canary-41c7d0";

    @TempDir
    Path data;
    private boolean agentStarted;

    /** The CLI on its own terminal, and everything it printed there so far. */
    private static final class OnTerminal {
        final PtyProcess process;
        final ByteArrayOutputStream screen = new ByteArrayOutputStream();

        OnTerminal(PtyProcess process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                byte[] buffer = new byte[4096];
                try (InputStream in = process.getInputStream()) {
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        synchronized (screen) {
                            screen.write(buffer, 0, n);
                        }
                    }
                } catch (IOException e) {
                    // the terminal closed
                }
            }, "test-terminal-reader");
            reader.setDaemon(true);
            reader.start();
        }

        String text() {
            synchronized (screen) {
                return screen.toString(StandardCharsets.UTF_8);
            }
        }

        void awaitText(String expected) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!text().contains(expected) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(text().contains(expected), "'" + expected + "' on the terminal:\n" + text());
        }

        void type(String keys) throws IOException {
            process.getOutputStream().write(keys.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        }

        int exitCode() throws InterruptedException {
            assertTrue(process.waitFor(90, TimeUnit.SECONDS), "keyward ended:\n" + text());
            return process.exitValue();
        }
    }

    private OnTerminal runOnTerminal(boolean agent, String script) throws IOException {
        return runOnTerminal(agent, List.of(), script);
    }

    private OnTerminal runOnTerminal(boolean agent, List<String> options, String script) throws IOException {
        List<String> args = new ArrayList<>();
        if (!agent) {
            args.add("--no-agent");
        }
        args.addAll(List.of("run", "--project", "app"));
        args.addAll(options);
        args.addAll(List.of("--", "/bin/sh", "-c", script));
        Map<String, String> env = CliJvm.environment(agent ? Map.of("TERM", "xterm-256color")
                : Map.of("TERM", "xterm-256color", "KEYWARD_PASSWORD", RunMaskingProcessTest.PASSWORD));
        PtyProcess process = new PtyProcessBuilder(CliJvm.command(data, args.toArray(String[]::new)).toArray(String[]::new))
                .setEnvironment(env).setInitialColumns(80).setInitialRows(24).start();
        return new OnTerminal(process);
    }

    private void prepare(boolean agent) throws Exception {
        RunMaskingProcessTest.createProfile(data);
        if (agent) {
            startAgent();
        }
    }

    private void startAgent() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(CliJvm.command(data, "agent", "start", "--idle-timeout", "10m"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(CliJvm.environment(Map.of("KEYWARD_PASSWORD", RunMaskingProcessTest.PASSWORD)));
        Process start = builder.start();
        assertTrue(start.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, start.exitValue(), "the agent started");
        agentStarted = true;
    }

    @AfterEach
    void stopAgent() throws Exception {
        if (agentStarted) {
            ProcessBuilder builder = new ProcessBuilder(CliJvm.command(data, "agent", "stop"))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().clear();
            builder.environment().putAll(CliJvm.environment(Map.of()));
            builder.start().waitFor(60, TimeUnit.SECONDS);
        }
    }

    private void theChildSeesATerminalWithColoursInputAndMasking(boolean agent) throws Exception {
        prepare(agent);
        OnTerminal terminal = runOnTerminal(agent, String.join("\n",
                "if test -t 0 && test -t 1; then echo tty-yes; else echo tty-no; fi",
                "printf '\\033[32mgreen %s\\033[0m\\n' \"$API_TOKEN\"",
                "printf 'name? '",
                "read answer",
                "echo \"hello $answer\"",
                "exit 5"));
        terminal.awaitText("name? ");
        terminal.type("world\r");
        assertEquals(5, terminal.exitCode(), terminal.text());
        String screen = terminal.text();
        assertTrue(screen.contains("tty-yes"), screen);
        assertTrue(screen.contains("\u001b[32mgreen " + MASK + "\u001b[0m"), screen);
        assertTrue(screen.contains("hello world"), screen);
        assertFalse(screen.contains(RunMaskingProcessTest.CANARY), screen);
    }

    @Test
    void directlyAMultiLineValueIsConcealedThoughTheTerminalWritesItsLineEndsAsCrLf() throws Exception {
        String pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----";
        RunMaskingProcessTest.createProfile(data, Map.of("PEM_KEY", pem));
        OnTerminal terminal = runOnTerminal(false, "printf 'key:\\n%s\\nend\\n' \"$PEM_KEY\"");
        assertEquals(0, terminal.exitCode(), terminal.text());
        String screen = terminal.text();
        assertTrue(screen.contains(MASK) && screen.contains("end"), screen);
        assertFalse(screen.contains("PRIVATE KEY") || screen.contains("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"), screen);
    }

    private void aWindowSizeChangeReachesTheChild(boolean agent) throws Exception {
        prepare(agent);
        OnTerminal terminal = runOnTerminal(agent, String.join("\n",
                "trap 'echo \"size $(stty size)\"; exit 0' WINCH",
                "echo \"start $(stty size)\"",
                "while :; do sleep 0.05; done"));
        terminal.awaitText("start 24 80");
        terminal.process.setWinSize(new WinSize(100, 40));
        terminal.awaitText("size 40 100");
        assertEquals(0, terminal.exitCode(), terminal.text());
    }

    private void ctrlCReachesTheChild(boolean agent) throws Exception {
        prepare(agent);
        OnTerminal terminal = runOnTerminal(agent, String.join("\n",
                "trap 'echo got-interrupt; exit 3' INT",
                "echo waiting",
                "while :; do sleep 0.05; done"));
        terminal.awaitText("waiting");
        terminal.type("\u0003");
        terminal.awaitText("got-interrupt");
        assertEquals(3, terminal.exitCode(), terminal.text());
    }

    /** Rotates API_TOKEN to {@code value} with a CLI JVM of its own (directly, or through the agent). */
    private void rotate(boolean agent, String value) throws Exception {
        Path file = Files.writeString(data.resolve("rotated.txt"), value + "\n");
        List<String> args = new ArrayList<>();
        if (!agent) {
            args.add("--no-agent");
        }
        args.addAll(List.of("secret", "rotate", "API_TOKEN", "--value-stdin"));
        ProcessBuilder builder = new ProcessBuilder(CliJvm.command(data, args.toArray(String[]::new)))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(file.toFile());
        builder.environment().clear();
        builder.environment().putAll(CliJvm.environment(agent ? Map.of()
                : Map.of("KEYWARD_PASSWORD", RunMaskingProcessTest.PASSWORD)));
        Process rotation = builder.start();
        assertTrue(rotation.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, rotation.exitValue(), "the rotation");
        Files.delete(file);
    }

    private void aWatchedProgramAndItsRestartSeeATerminal(boolean agent) throws Exception {
        prepare(agent);
        OnTerminal terminal = runOnTerminal(agent, List.of("--watch", "--grace", "5s"), String.join("\n",
                // The trap first: the test types Ctrl-C as soon as the line shows.
                "trap 'echo got-interrupt; exit 3' INT",
                "if test -t 0 && test -t 1; then echo \"tty-yes $API_TOKEN\"; else echo \"tty-no $API_TOKEN\"; fi",
                "while :; do sleep 0.05; done"));
        terminal.awaitText(MASK); // the whole line: the mask holds back what could still be a value
        assertTrue(terminal.text().contains("tty-yes " + MASK), terminal.text());
        rotate(agent, ROTATED);
        terminal.awaitText("API_TOKEN changed; restarting the program");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (terminal.text().split(MASK, -1).length < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        String[] starts = terminal.text().split("tty-", -1);
        assertEquals(3, starts.length, "two starts:\n" + terminal.text());
        assertTrue(starts[2].startsWith("yes " + MASK), "the restarted program is on a terminal too:\n" + terminal.text());
        // Typed keys reach the restarted program's terminal: Ctrl-C ends it, and its exit code ends the run.
        terminal.type("\u0003");
        terminal.awaitText("got-interrupt");
        assertEquals(3, terminal.exitCode(), terminal.text());
        assertFalse(terminal.text().contains(RunMaskingProcessTest.CANARY), terminal.text());
        assertFalse(terminal.text().contains(ROTATED), terminal.text());
    }

    @Test
    void directlyAWatchedProgramAndItsRestartSeeATerminal() throws Exception {
        aWatchedProgramAndItsRestartSeeATerminal(false);
    }

    @Test
    void throughTheAgentAWatchedProgramAndItsRestartSeeATerminal() throws Exception {
        aWatchedProgramAndItsRestartSeeATerminal(true);
    }

    @Test
    void directlyTheChildSeesATerminalWithColoursInputAndMasking() throws Exception {
        theChildSeesATerminalWithColoursInputAndMasking(false);
    }

    @Test
    void throughTheAgentTheChildSeesATerminalWithColoursInputAndMasking() throws Exception {
        theChildSeesATerminalWithColoursInputAndMasking(true);
    }

    @Test
    void directlyAWindowSizeChangeReachesTheChild() throws Exception {
        aWindowSizeChangeReachesTheChild(false);
    }

    @Test
    void throughTheAgentAWindowSizeChangeReachesTheChild() throws Exception {
        aWindowSizeChangeReachesTheChild(true);
    }

    @Test
    void directlyCtrlCReachesTheChild() throws Exception {
        ctrlCReachesTheChild(false);
    }

    @Test
    void throughTheAgentCtrlCReachesTheChild() throws Exception {
        ctrlCReachesTheChild(true);
    }
}
