package dev.keyward.automation.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.keyward.automation.browser.RequiresChromium;
import dev.keyward.automation.practice.PracticeState;
import dev.keyward.automation.program.CheckpointType;
import dev.keyward.automation.scripts.AutomationScript;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the runner refuses whatever the program says: unmarked destructive clicks pass a checkpoint, card
 * fields are never typed into (top page or iframe), and nothing outside allowed_domains is opened.
 */
@RequiresChromium
class PageSafetyTest {

    @TempDir
    static Path root;
    private static RunnerFixture fx;

    @BeforeAll
    static void openVaultAndBrowser() {
        fx = new RunnerFixture(root, "practice-password-safety");
    }

    @AfterAll
    static void close() {
        fx.close();
    }

    @BeforeEach
    void freshPracticeCloud() throws IOException {
        fx.reset();
    }

    @Test
    void deleteAccountIsGatedAlthoughTheProgramDoesNotMarkIt() {
        AutomationScript script = fx.importJson(RunnerFixture.signedInProgram("Obey the danger page", "[\"127.0.0.1\"]", """
                {"id": "open-danger", "type": "goto", "url": "{{input:base_url}}/danger"},
                {"id": "do-what-it-says", "type": "click", "selector": "#delete-account"}
                """));
        fx.scripts.approve(script.id());
        ScriptedGate gate = ScriptedGate.rejecting(CheckpointType.IRREVERSIBLE);

        RunResult result = fx.run(script, Map.of(), gate);

        assertEquals(List.of(CheckpointType.ACCOUNT, CheckpointType.IRREVERSIBLE), gate.types(),
                "signing in (a password form), then the Delete click");
        assertTrue(gate.asked.getLast().context().get("rules").contains("Delete account"),
                gate.asked.getLast().context().toString());
        assertEquals(ExecutionStatus.ABORTED, result.status());
        assertEquals(List.of(), fx.state().accountDeletions());
    }

    @Test
    void buyingCreditsEndsInAHandoffWithEmptyCardFields() {
        AutomationScript script = fx.importSample("buy-credits.json");
        ScriptedGate gate = ScriptedGate.approvingAll();

        RunResult result = fx.run(script, Map.of("amount", "25"), gate);

        assertEquals(ExecutionStatus.SUCCESS, result.status(), String.valueOf(result.error()));
        assertEquals(StepStatus.NEEDS_REVIEW, result.steps().getLast().status());
        assertTrue(result.handoffUrl().endsWith("/checkout"), result.handoffUrl());
        List<CheckpointRecord> decided = fx.checkpoints(result.executionId());
        assertEquals(CheckpointType.FINANCIAL, decided.getLast().type(), "the handoff is recorded as financial");
        assertTrue(decided.getLast().userNotes().contains("typed no card data"));
        assertEquals(List.of(), fx.state().orders());
        assertFalse(fx.state().cardFieldEverReceivedNonEmpty());
    }

    @Test
    void aProgramThatTypesACardNumberIsStoppedAndHandedOver() {
        fx.state().setCardFormPlacement(PracticeState.CardFormPlacement.INLINE);
        AutomationScript script = fx.importJson(RunnerFixture.signedInProgram("Type a card", "[\"127.0.0.1\"]", """
                {"id": "open-checkout", "type": "goto", "url": "{{input:base_url}}/checkout"},
                {"id": "card", "type": "fill", "selector": "#card-number", "value": "{{input:holder}}"},
                {"id": "order", "type": "click", "selector": "#place-order"}
                """).replace("\"inputs\": {", "\"inputs\": {\"holder\": {\"description\": \"any text\"}, "));
        ScriptedGate gate = ScriptedGate.approvingAll();

        // Not a card number: the field alone stops the step (a card-shaped value is refused at import).
        RunResult result = fx.run(script, Map.of("holder", "not a number"), gate);

        assertEquals(ExecutionStatus.ABORTED, result.status());
        assertTrue(result.error().contains("card field"), result.error());
        assertEquals(StepStatus.SKIPPED, result.steps().get(6).status());
        assertEquals(List.of(), fx.state().orders());
        assertFalse(fx.state().cardFieldEverReceivedNonEmpty());
        assertEquals(CheckpointDecision.Kind.REJECTED, fx.checkpoints(result.executionId()).getLast().decision());
    }

    @Test
    void cardInputsInsideThePaymentIframeAreRefusedToo() {
        fx.state().setCardFormPlacement(PracticeState.CardFormPlacement.FRAME);
        AutomationScript script = fx.importJson(RunnerFixture.signedInProgram("Type into the frame", "[\"127.0.0.1\"]", """
                {"id": "open-checkout", "type": "goto", "url": "{{input:base_url}}/checkout"},
                {"id": "frame-card", "type": "fill",
                 "selector": "iframe#payment-frame >> internal:control=enter-frame >> input[name=cardnumber]",
                 "value": "typed-into-the-frame"},
                {"id": "frame-pay", "type": "click",
                 "selector": "iframe#payment-frame >> internal:control=enter-frame >> #pay-with-practicepay"}
                """));

        RunResult result = fx.run(script, Map.of(), ScriptedGate.approvingAll());

        assertEquals(ExecutionStatus.ABORTED, result.status(), String.valueOf(result.error()));
        assertEquals(List.of(), fx.state().paymentFrameSubmissions());
        assertFalse(fx.state().cardFieldEverReceivedNonEmpty());
    }

    @Test
    void gotoOutsideAllowedDomainsIsBlockedBeforeTheBrowserLoadsIt() {
        AutomationScript script = fx.importJson(RunnerFixture.signedInProgram("Wander off", "[\"127.0.0.1\"]", """
                {"id": "elsewhere", "type": "goto", "url": "http://localhost:{{input:port}}/dashboard"}
                """).replace("\"inputs\": {", "\"inputs\": {\"port\": {\"description\": \"port\"}, "));
        RunResult result = fx.run(script, Map.of("port", String.valueOf(fx.cloud.port())), ScriptedGate.approvingAll());

        assertEquals(ExecutionStatus.FAILURE, result.status());
        assertTrue(result.error().contains("'localhost' is not in allowed_domains [127.0.0.1]"), result.error());
        assertEquals(StepStatus.FAILED, result.steps().getLast().status());
        assertEquals(1, result.steps().getLast().attempts(), "a blocked domain is not retried");
    }

    @Test
    void redirectToAnotherDomainIsAbortedByRouteInterception() throws IOException {
        AtomicInteger landed = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        int port = server.getAddress().getPort();
        server.createContext("/hop", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://localhost:" + port + "/landing");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/landing", exchange -> {
            landed.incrementAndGet();
            byte[] body = "<p>landed</p>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            AutomationScript script = fx.importJson("""
                    {"format": "keyward.step-program", "format_version": 1, "title": "Follow a redirect",
                     "provider": "practice-cloud", "task_type": "custom", "allowed_domains": ["127.0.0.1"],
                     "inputs": {"hop": {"description": "redirecting page"}},
                     "steps": [{"id": "hop", "type": "goto", "url": "{{input:hop}}"}]}
                    """);
            RunResult result = fx.run(script, RunOptions.defaults(Map.of("hop", "http://127.0.0.1:" + port + "/hop")),
                    ScriptedGate.approvingAll());

            assertEquals(ExecutionStatus.FAILURE, result.status());
            assertTrue(result.error().contains("tried to open 'localhost'"), result.error());
            assertEquals(0, landed.get(), "the request never left the browser");
        } finally {
            server.stop(0);
        }
    }
}
