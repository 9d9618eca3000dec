package dev.keyward.automation.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.browser.RequiresChromium;
import dev.keyward.automation.program.CheckpointType;
import dev.keyward.automation.scripts.AutomationScript;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The headed payment handoff in a real, visible Chromium against loopback pages: the page a person is handed
 * reaches a host they added in the handoff question, and without that widening a request to the host never
 * reaches the recording server. The payment page loads an image from the other host, so the server's log shows
 * which window could reach it.
 */
@RequiresChromium
class HeadedHandoffTest {

    @TempDir
    static Path root;
    private static RunnerFixture fx;
    private RecordingServer site;

    @BeforeAll
    static void needsADisplay() {
        // A headed browser needs a display (xvfb-run gives one). Without it the test is skipped here, but on CI a
        // missing display fails the launch below, so CI cannot pass by skipping.
        boolean display = System.getenv("DISPLAY") != null && !System.getenv("DISPLAY").isBlank();
        if (!display && !"true".equalsIgnoreCase(System.getenv("CI"))) {
            System.err.println("SKIPPED HeadedHandoffTest: no DISPLAY for a headed Chromium; run under xvfb-run");
        }
        Assumptions.assumeTrue(display || "true".equalsIgnoreCase(System.getenv("CI")),
                "no DISPLAY for a headed Chromium; run under xvfb-run");
        fx = new RunnerFixture(root, "practice-password-handoff");
    }

    @AfterAll
    static void close() {
        if (fx != null) {
            fx.close();
        }
    }

    @BeforeEach
    void freshSite() throws IOException {
        fx.reset();
        site = new RecordingServer();
        site.page("/pay", "<!doctype html><title>Pay</title><p>Pay here</p>"
                + "<img alt=\"processor badge\" src=\"" + site.unlistedBase() + "/processor.png\">");
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    @Test
    void aHostThePersonAddsIsReachableFromTheReopenedWindow() {
        ScriptedGate gate = new ScriptedGate(r -> r.canModify() && r.type() == CheckpointType.FINANCIAL
                ? CheckpointDecision.modify("127.0.0.1, localhost", null) : CheckpointDecision.approve(null));
        List<String> notices = new CopyOnWriteArrayList<>();

        RunResult result = runHeaded(gate, notices);

        assertEquals(ExecutionStatus.SUCCESS, result.status(), String.valueOf(result.error()));
        CheckpointRequest question = hostsQuestion(gate);
        assertEquals("127.0.0.1", question.modifiable().currentValue(), "the question shows the run's hosts");
        assertEquals(CheckpointRequest.ModifiableValue.Shape.HOSTS, question.modifiable().shape(),
                "a dialog shows the value as hosts and checks an answer as hosts");
        assertTrue(question.description().contains("It can reach only 127.0.0.1"), question.description());
        assertFalse(site.toUnlistedHost().isEmpty(), "the added host is reachable: " + site.received());
        assertTrue(notices.stream().anyMatch(n -> n.contains("can reach only 127.0.0.1, localhost")), notices.toString());
    }

    static Stream<Arguments> answersThatKeepTheLimits() {
        return Stream.of(
                Arguments.of("rejected", (java.util.function.Function<CheckpointRequest, CheckpointDecision>)
                        r -> CheckpointDecision.reject("no")),
                Arguments.of("approved as shown", (java.util.function.Function<CheckpointRequest, CheckpointDecision>)
                        r -> CheckpointDecision.approve(null)),
                Arguments.of("not a host", (java.util.function.Function<CheckpointRequest, CheckpointDecision>)
                        r -> CheckpointDecision.modify("*.processor.example", null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answersThatKeepTheLimits")
    void withoutWideningTheOtherHostReceivesNothing(String label,
            java.util.function.Function<CheckpointRequest, CheckpointDecision> answer) {
        ScriptedGate gate = new ScriptedGate(r -> r.canModify() && r.type() == CheckpointType.FINANCIAL
                ? answer.apply(r) : CheckpointDecision.approve(null));
        List<String> notices = new CopyOnWriteArrayList<>();

        RunResult result = runHeaded(gate, notices);

        assertEquals(ExecutionStatus.SUCCESS, result.status(), String.valueOf(result.error()));
        hostsQuestion(gate);
        assertFalse(site.received("GET", "/pay").isEmpty(), "the payment page itself loaded: " + site.received());
        assertEquals(List.of(), site.toUnlistedHost(), "the other host receives nothing");
        assertTrue(notices.stream().anyMatch(n -> n.contains("can reach only 127.0.0.1;")), notices.toString());
    }

    @Test
    void noAnswerKeepsTheLimits() {
        // Only the hosts question goes unanswered; the rest of the run is approved as a person would.
        CheckpointGate silent = r -> r.canModify() && r.type() == CheckpointType.FINANCIAL
                ? new CompletableFuture<>() : CompletableFuture.completedFuture(CheckpointDecision.approve(null));
        List<String> notices = new CopyOnWriteArrayList<>();

        RunResult result = fx.runner.run(approvedProgram().id(), options().withCheckpointTimeout(Duration.ofSeconds(1)),
                silent, observer(notices));

        assertEquals(ExecutionStatus.SUCCESS, result.status(), String.valueOf(result.error()));
        assertEquals(List.of(), site.toUnlistedHost(), "the other host receives nothing");
        assertTrue(notices.stream().anyMatch(n -> n.contains("can reach only 127.0.0.1;")), notices.toString());
    }

    private RunResult runHeaded(CheckpointGate gate, List<String> notices) {
        // No borrowed browser: the runner launches its own, headed, as a person's run does.
        return fx.runner.run(approvedProgram().id(), options(), gate, observer(notices));
    }

    private RunOptions options() {
        // The window closes itself after a second; what the page loads is already in the server's log by then
        // (opening a page waits for its images).
        return RunOptions.defaults(Map.of("base_url", site.base())).withHeaded(true)
                .withHandoffTimeout(Duration.ofSeconds(1));
    }

    private static RunObserver observer(List<String> notices) {
        return new RunObserver() {
            @Override
            public void notice(String text) {
                notices.add(text);
            }
        };
    }

    private static CheckpointRequest hostsQuestion(ScriptedGate gate) {
        return gate.asked.stream().filter(r -> r.type() == CheckpointType.FINANCIAL && r.canModify())
                .findFirst().orElseThrow(() -> new AssertionError("no hosts question: " + gate.types()));
    }

    private static int titles;

    private AutomationScript approvedProgram() {
        AutomationScript script = fx.importJson("""
                {"format": "keyward.step-program", "format_version": 1, "title": "Handoff case %d",
                 "provider": "practice-cloud", "task_type": "custom", "allowed_domains": ["127.0.0.1"],
                 "inputs": {"base_url": {"description": "site"}},
                 "steps": [
                  {"id": "open", "type": "goto", "url": "{{input:base_url}}/pay"},
                  {"id": "pay", "type": "handoff_payment", "reason": "Enter your card yourself"}
                 ]}
                """.formatted(++titles));
        fx.scripts.approve(script.id());
        return fx.scripts.get(script.id());
    }
}
