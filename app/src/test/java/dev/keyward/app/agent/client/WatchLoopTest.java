package dev.keyward.app.agent.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.child.ChildValues;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watch's rules with real programs and a scripted source of stamps: a change restarts, a new
 * variable restarts, a gone one stops with 4, a program's own exit ends the run with its code, and a
 * source that cannot go on leaves the program running unwatched when it says so.
 */
class WatchLoopTest {

    @TempDir
    Path dir;
    private final ByteArrayOutputStream errText = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errText, true, StandardCharsets.UTF_8);

    /** Answers each stamps question with the next scripted map (the last one again when the script ends). */
    private static final class Script implements WatchLoop.Source {
        final BlockingQueue<Map<String, String>> answers = new LinkedBlockingQueue<>();
        Map<String, String> last;
        WatchLoop.Delivery next;
        int delivered;

        @Override
        public WatchLoop.Delivery deliver() {
            delivered++;
            return next;
        }

        @Override
        public Map<String, String> stamps() {
            Map<String, String> answer = answers.poll();
            if (answer != null) {
                last = answer;
            }
            return last;
        }
    }

    private WatchLoop loop(String script) {
        return new WatchLoop(List.of("/bin/sh", "-c", script), Map.of("PATH", System.getenv("PATH")),
                Duration.ofMillis(300), Duration.ofMillis(50), err);
    }

    private static WatchLoop.Delivery delivery(Map<String, String> env, Map<String, String> stamps) {
        return new WatchLoop.Delivery(ChildValues.of(env, true), stamps);
    }

    @Test
    void aChangedStampRestartsWithTheNewValuesAndTheProgramsOwnExitEndsTheRun() throws Exception {
        Path log = dir.resolve("log");
        // The second start (value v2) ends by itself with 7; the first waits to be stopped.
        String script = "echo \"$V\" >> '" + log + "'; [ \"$V\" = v2 ] && exit 7; while :; do sleep 0.05; done";
        Script source = new Script();
        source.answers.add(Map.of("V", "s:1"));
        source.answers.add(Map.of("V", "s:2"));
        source.next = delivery(Map.of("V", "v2"), Map.of("V", "s:2"));
        int code = loop(script).run(delivery(Map.of("V", "v1"), Map.of("V", "s:1")), source);
        assertEquals(7, code);
        assertEquals(List.of("v1", "v2"), Files.readAllLines(log));
        assertEquals(1, source.delivered);
        assertTrue(errText.toString(StandardCharsets.UTF_8).contains("keyward: V changed; restarting the program"),
                errText.toString(StandardCharsets.UTF_8));
        assertTrue(!errText.toString(StandardCharsets.UTF_8).contains("v2"), "never a value in the reason");
    }

    @Test
    void aProgramThatIgnoresSigtermIsKilledAfterTheGracePeriodWhenItsSecretIsGone() {
        Script source = new Script();
        source.answers.add(Map.of("V", "-"));
        int code = loop("trap '' TERM; while :; do sleep 0.05; done")
                .run(delivery(Map.of("V", "v1"), Map.of("V", "s:1")), source);
        assertEquals(WatchLoop.GONE, code);
        assertTrue(errText.toString(StandardCharsets.UTF_8).contains("the secret of V was deleted or unlinked"));
        assertEquals(0, source.delivered);
    }

    @Test
    void aVariableAddedToTheProjectRestartsTooAndAnUnchangedOneDoesNot() {
        Script source = new Script();
        source.answers.add(Map.of("V", "s:1"));
        source.answers.add(Map.of("V", "s:1", "W", "t:1"));
        source.next = delivery(Map.of("V", "v1", "W", "w1"), Map.of("V", "s:1", "W", "t:1"));
        int code = loop("[ -n \"$W\" ] && exit 3; while :; do sleep 0.05; done")
                .run(delivery(Map.of("V", "v1"), Map.of("V", "s:1")), source);
        assertEquals(3, code);
        assertEquals(1, source.delivered);
        assertTrue(errText.toString(StandardCharsets.UTF_8).contains("keyward: W changed;"));
    }

    @Test
    void aSourceThatCannotGoOnLeavesTheProgramRunningUnwatchedWhenItSaysSo() {
        WatchLoop.Source refusing = new WatchLoop.Source() {
            @Override
            public WatchLoop.Delivery deliver() throws WatchLoop.Stop {
                throw new WatchLoop.Stop(6, true);
            }

            @Override
            public Map<String, String> stamps() {
                return Map.of("V", "s:2");
            }
        };
        int code = loop("sleep 1; exit 5").run(delivery(Map.of("V", "v1"), Map.of("V", "s:1")), refusing);
        assertEquals(5, code, "the program went on and its exit code ended the run");
        assertTrue(errText.toString(StandardCharsets.UTF_8).contains("keeps running with its old values"));
    }
}
