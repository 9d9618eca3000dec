package dev.keyward.automation.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import dev.keyward.automation.browser.BrowserLauncher;
import dev.keyward.automation.browser.ChromiumLocator;
import dev.keyward.automation.browser.HostLimits;
import dev.keyward.automation.browser.LaunchedBrowser;
import dev.keyward.automation.browser.RequiresChromium;
import dev.keyward.automation.program.CheckpointType;
import dev.keyward.automation.scripts.AutomationScript;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network gate in a real Chromium against a loopback server that records what reaches it: writes wait for a
 * person, whatever the button says; nothing reaches an unlisted host, redirects and subresources included.
 * Every case asserts on the server's log, not only on the runner's report.
 */
@RequiresChromium
class NetworkGateTest {

    @TempDir
    static Path root;
    private static RunnerFixture fx;
    private RecordingServer site;

    @BeforeAll
    static void openVaultAndBrowser() {
        fx = new RunnerFixture(root, "practice-password-gate");
    }

    @AfterAll
    static void close() {
        fx.close();
    }

    @BeforeEach
    void freshSite() throws IOException {
        fx.reset();
        site = new RecordingServer();
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    private static final String PURCHASE_PAGE = """
            <!doctype html><title>Plan</title>
            <h1>Pro plan</h1><p>$49.00 per month</p>
            <button id="continue" onclick="fetch('/api/purchase', {method: 'POST',
                headers: {'Content-Type': 'application/json'},
                body: JSON.stringify({plan: 'pro', quantity: 3})}).then(() => { const p = document.createElement('p'); p.id = 'sent'; p.textContent = 'sent'; document.body.append(p); })">Continue</button>
            """;

    @Test
    void aContinueButtonThatPostsAPurchaseIsHeldAndARejectedOneNeverArrives() {
        site.page("/plan", PURCHASE_PAGE);
        AutomationScript script = approved(program("[" + open("/plan") + ", " + click("continue") + "]"));
        ScriptedGate gate = new ScriptedGate(r -> CheckpointDecision.reject("not buying"));

        RunResult result = fx.run(script, inputs(), gate);

        assertEquals(ExecutionStatus.ABORTED, result.status(), String.valueOf(result.error()));
        assertEquals(List.of(), site.received("POST", "/api/purchase"), "the purchase never reached the server");
        CheckpointRequest asked = gate.asked.getLast();
        assertEquals(CheckpointType.FINANCIAL, asked.type());
        assertEquals("POST 127.0.0.1/api/purchase (fetch or XHR request)", asked.context().get("request"));
        assertEquals("plan=pro, quantity=3", asked.context().get("fields"));
        assertTrue(asked.context().get("amounts and plans").contains("$49.00"), asked.context().toString());
        assertTrue(asked.context().get("amounts and plans").contains("Pro plan"), asked.context().toString());
        String recorded = fx.checkpoints(result.executionId()).getLast().contextJson();
        assertTrue(recorded.contains("POST 127.0.0.1/api/purchase"), recorded);
    }

    /**
     * The refused purchase is sent a second after the click, while the next step waits (five minutes at most) for
     * the answer it would have brought; a step after that opens a page of its own. The refusal ends the wait: the
     * run reports the refusal, not a wait that ran out, and nothing after it acts. (The JUnit limit only keeps a
     * wait that is not ended from stalling the build.)
     */
    @Test
    @Timeout(120)
    void aRefusedWriteEndsTheWaitAfterItAndNoLaterStepActs() {
        site.page("/plan", """
                <!doctype html><title>Plan</title><h1>Pro plan</h1>
                <button id="continue" onclick="setTimeout(() => fetch('/api/purchase', {method: 'POST',
                    headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: 'plan=pro'})
                    .then(() => { const p = document.createElement('p'); p.id = 'sent'; document.body.append(p); }), 1000)">Continue</button>
                """);
        AutomationScript script = approved(program("[" + open("/plan") + ", " + click("continue") + ", "
                + "{\"id\": \"wait-sent\", \"type\": \"wait_for\", \"selector\": \"#sent\", \"timeout_ms\": 300000}, "
                + "{\"id\": \"later\", \"type\": \"goto\", \"url\": \"{{input:base_url}}/later\"}]"));
        ScriptedGate gate = new ScriptedGate(r -> CheckpointDecision.reject("not buying"));

        RunResult result = fx.run(script, inputs(), gate);

        assertEquals(ExecutionStatus.ABORTED, result.status(), String.valueOf(result.error()));
        assertEquals("Stopped at step 'wait-sent': the page tried to send POST 127.0.0.1/api/purchase (fetch or XHR"
                + " request), which was not approved; Keyward dropped it.", result.error());
        StepOutcome waited = result.steps().get(2);
        assertEquals(StepStatus.SKIPPED, waited.status(), waited.toString());
        assertEquals(null, waited.error(), "the wait is not reported as timed out");
        assertEquals(StepStatus.NOT_STARTED, result.steps().get(3).status());
        assertEquals(List.of(), site.received("POST", "/api/purchase"), "the purchase never reached the server");
        assertEquals(List.of(), site.received("GET", "/later"), "no step acted after the refusal");
        assertEquals(1, gate.asked.size(), "the refused run asks nothing more: " + gate.types());
    }

    /**
     * The purchase leaves the page a second after the step that set it off has finished, while the next step waits
     * for its link to show: it is refused there, between two steps. The link's step must not act: the refusal
     * belongs to the step before and ends the run, though the step it came in began after it.
     */
    @Test
    @Timeout(120)
    void aWriteRefusedBetweenTwoStepsStopsTheRunBeforeTheNextStepActs() {
        site.page("/plan", """
                <!doctype html><title>Plan</title><h1>Pro plan</h1>
                <button id="continue" onclick="
                    const ready = document.createElement('p'); ready.id = 'ready'; ready.textContent = 'ready';
                    document.body.append(ready);
                    setTimeout(() => fetch('/api/purchase', {method: 'POST',
                        headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: 'plan=pro'}), 1000);
                    setTimeout(() => { const a = document.createElement('a'); a.id = 'next'; a.href = '/after-refusal';
                        a.textContent = 'Next'; document.body.append(a); }, 3000)">Continue</button>
                """);
        AutomationScript script = approved(program("[" + open("/plan") + ", " + click("continue") + ", "
                + "{\"id\": \"wait-ready\", \"type\": \"wait_for\", \"selector\": \"#ready\"}, "
                + click("next") + "]"));
        ScriptedGate gate = new ScriptedGate(r -> CheckpointDecision.reject("not buying"));

        RunResult result = fx.run(script, inputs(), gate);

        assertEquals(ExecutionStatus.ABORTED, result.status(), result.error() + " " + site.received());
        assertTrue(result.error().contains("POST 127.0.0.1/api/purchase"), result.error());
        assertEquals(StepStatus.SKIPPED, result.steps().get(3).status(), result.steps().get(3).toString());
        assertEquals(List.of(), site.received("POST", "/api/purchase"), "the purchase never reached the server");
        assertEquals(List.of(), site.received("GET", "/after-refusal"), "the step after the refusal acted");
    }

    @Test
    void anApprovedWriteReachesTheServerOnce() {
        site.page("/plan", PURCHASE_PAGE);
        AutomationScript script = approved(program("[" + open("/plan") + ", " + click("continue") + ", "
                + "{\"id\": \"wait-sent\", \"type\": \"wait_for\", \"selector\": \"#sent\"}]"));
        ScriptedGate gate = ScriptedGate.approvingAll();

        RunResult result = fx.run(script, inputs(), gate);

        assertEquals(ExecutionStatus.SUCCESS, result.status(), result.error() + " " + site.received() + " " + gate.types());
        List<RecordingServer.Received> posts = site.received("POST", "/api/purchase");
        assertEquals(1, posts.size(), site.received().toString());
        assertTrue(posts.getFirst().body().contains("\"plan\":\"pro\""), posts.getFirst().body());
        assertEquals(List.of(CheckpointType.FINANCIAL), gate.types());
    }

    @Test
    void enterInAQuantityFieldSubmitsAFormThatNeverArrivesWithoutAnAnswer() {
        site.page("/order", """
                <!doctype html><title>Order</title><p>Credits: 10 € each</p>
                <form method="post" action="/order/submit"><input id="qty" name="quantity" value="1">
                <input type="hidden" name="sku" value="credits-100"></form>
                """);
        AutomationScript script = approved(program("[" + open("/order") + ", "
                + "{\"id\": \"enter\", \"type\": \"press\", \"selector\": \"#qty\", \"key\": \"Enter\"}]"));
        CheckpointGate silent = request -> new CompletableFuture<>();

        RunResult result = fx.run(script, RunOptions.defaults(inputs()).withCheckpointTimeout(Duration.ofSeconds(1)),
                silent);

        assertEquals(ExecutionStatus.ABORTED, result.status(), String.valueOf(result.error()));
        assertEquals(List.of(), site.received("POST", "/order/submit"), site.received().toString());
        CheckpointRecord row = fx.checkpoints(result.executionId()).getLast();
        assertEquals(CheckpointDecision.Kind.REJECTED, row.decision());
        // The risk rules see the Enter as this form's submission and ask before the key is pressed (the
        // request checkpoint would list the fields); either way the person is told where the form posts.
        assertTrue(row.contextJson().contains("POST") && row.contextJson().contains("/order/submit"),
                row.contextJson());
    }

    @Test
    void aBeaconFromAnOkButtonIsHeldLikeAnyWrite() {
        site.page("/done", """
                <!doctype html><title>Almost</title>
                <button id="ok" onclick="navigator.sendBeacon('/track/upgrade', 'plan=team')">OK</button>
                """);
        AutomationScript script = approved(program("[" + open("/done") + ", " + click("ok") + "]"));
        ScriptedGate gate = new ScriptedGate(r -> CheckpointDecision.reject("no"));

        RunResult result = fx.run(script, inputs(), gate);

        assertEquals(ExecutionStatus.ABORTED, result.status(), String.valueOf(result.error()));
        assertEquals(List.of(), site.received("POST", "/track/upgrade"), site.received().toString());
        assertTrue(gate.asked.getLast().context().get("request").startsWith("POST 127.0.0.1/track/upgrade"),
                gate.asked.getLast().context().toString());
    }

    @Test
    void aRedirectChainThroughTheAllowedHostToAnotherHostNeverReachesIt() {
        site.redirect("/r1", "/r2");
        site.redirect("/r2", site.unlistedBase() + "/landing");
        AutomationScript script = approved(program("[" + open("/r1") + "]"));

        RunResult result = fx.run(script, inputs(), ScriptedGate.approvingAll());

        assertEquals(ExecutionStatus.FAILURE, result.status());
        assertEquals(List.of(), site.toUnlistedHost(), "the other host received nothing");
    }

    @Test
    void imagesPrefetchesAndFramesOfAnUnlistedHostNeverReachIt() {
        String other = site.unlistedBase();
        site.page("/page", """
                <!doctype html><title>Page</title>
                <link rel="prefetch" href="%1$s/prefetch"><link rel="preconnect" href="%1$s">
                <img src="%1$s/pixel.gif"><iframe src="%1$s/frame"></iframe>
                <img src="/bounce.gif"><p id="done">ok</p>
                """.formatted(other));
        site.redirect("/bounce.gif", other + "/bounced.gif");
        AutomationScript script = approved(program("[" + open("/page") + ", "
                + "{\"id\": \"settle\", \"type\": \"wait_for\", \"selector\": \"#done\"}]"));

        RunResult result = fx.run(script, inputs(), ScriptedGate.approvingAll());

        assertEquals(ExecutionStatus.SUCCESS, result.status(), String.valueOf(result.error()));
        assertFalse(site.received("GET", "/page").isEmpty());
        assertEquals(List.of(), site.toUnlistedHost());
    }

    @Test
    void theContextsHostLimitsStopARedirectHopEvenWithoutRouting() {
        site.redirect("/hop", site.unlistedBase() + "/landing");
        try (BrowserContext context = fx.browser.newContext(new HostLimits(List.of("127.0.0.1")))) {
            Page page = context.newPage();
            assertThrowsPlaywright(() -> page.navigate(site.base() + "/hop"));
            assertThrowsPlaywright(() -> page.navigate(site.unlistedBase() + "/direct"));
        }
        assertFalse(site.received("GET", "/hop").isEmpty(), "the allowed host was reached directly");
        assertEquals(List.of(), site.toUnlistedHost());
    }

    @Test
    void aBrowserLaunchedWithHostLimitsCannotResolveAnUnlistedHost() {
        try (LaunchedBrowser limited = new BrowserLauncher(ChromiumLocator.forProcess())
                .launch(false, new HostLimits(List.of("localhost")))) {
            Page page = limited.newContext().newPage();
            page.navigate(site.unlistedBase() + "/allowed-by-name");
            assertThrowsPlaywright(() -> page.navigate(site.base() + "/address-not-listed"));
        }
        assertEquals(1, site.received("GET", "/allowed-by-name").size());
        assertEquals(List.of(), site.received("GET", "/address-not-listed"));
    }

    @Test
    void autoApproveRepeatCoversOnlyWritesAPersonApprovedBeforeAndNeverKeyChanges() {
        site.page("/profile", """
                <!doctype html><title>Profile</title>
                <button id="save" onclick="fetch('/api/profile', {method: 'POST',
                    headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: 'display_name=Ada'})
                    .then(() => { const p = document.createElement('p'); p.id = 'sent'; p.textContent = 'sent'; document.body.append(p); })">Save</button>
                <button id="save-other" onclick="fetch('/api/profile/email', {method: 'POST',
                    headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: 'email=a@example.test'})
                    .then(() => { const p = document.createElement('p'); p.id = 'sent'; p.textContent = 'sent'; document.body.append(p); })">Save</button>
                <button id="new-key" onclick="fetch('/api/keys', {method: 'POST'})
                    .then(() => { const p = document.createElement('p'); p.id = 'sent'; p.textContent = 'sent'; document.body.append(p); })">Save</button>
                """);
        String waitSaved = "{\"id\": \"wait-saved\", \"type\": \"wait_for\", \"selector\": \"#sent\"}";
        AutomationScript script = approved(program("[" + open("/profile") + ", " + click("save") + ", " + waitSaved + "]"));
        RunOptions repeat = RunOptions.defaults(inputs()).withAutoApproveRepeat(true);

        ScriptedGate first = ScriptedGate.approvingAll();
        assertEquals(ExecutionStatus.SUCCESS, fx.run(script, repeat, first).status());
        assertEquals(List.of(CheckpointType.ACCOUNT), first.types(), "the first run asks");

        ScriptedGate second = new ScriptedGate(r -> CheckpointDecision.reject("should not be asked"));
        RunResult again = fx.run(fx.scripts.get(script.id()), repeat, second);
        assertEquals(ExecutionStatus.SUCCESS, again.status(), String.valueOf(again.error()));
        assertEquals(List.of(), second.asked, "the same request, approved before, passes on a repeat run");
        assertEquals(2, site.received("POST", "/api/profile").size());
        assertTrue(fx.checkpoints(again.executionId()).getLast().userNotes().startsWith("auto-approved"));

        AutomationScript keys = approved(program("[" + open("/profile") + ", " + click("new-key") + ", "
                + waitSaved + "]"));
        fx.run(keys, repeat, ScriptedGate.approvingAll());
        ScriptedGate keyRepeat = new ScriptedGate(r -> CheckpointDecision.reject("no"));
        RunResult keyAgain = fx.run(fx.scripts.get(keys.id()), repeat, keyRepeat);
        assertEquals(List.of(CheckpointType.API_KEY), keyRepeat.types(), "a key change asks on every run");
        assertEquals(ExecutionStatus.ABORTED, keyAgain.status());
        assertEquals(1, site.received("POST", "/api/keys").size(), "only the first, approved run sent it");
    }

    @Test
    void aRepeatRunAsksAgainWhenTheSameStepSendsSomethingNew() {
        site.page("/profile", """
                <!doctype html><title>Profile</title>
                <button id="save" onclick="fetch('/api/profile', {method: 'POST',
                    headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: 'display_name=Ada'})
                    .then(() => { const p = document.createElement('p'); p.id = 'sent'; p.textContent = 'sent'; document.body.append(p); })">Save</button>
                """);
        AutomationScript script = approved(program("[" + open("/profile") + ", " + click("save") + ", "
                + "{\"id\": \"wait-saved\", \"type\": \"wait_for\", \"selector\": \"#sent\"}]"));
        RunOptions repeat = RunOptions.defaults(inputs()).withAutoApproveRepeat(true);
        fx.run(script, repeat, ScriptedGate.approvingAll());
        site.page("/profile", """
                <!doctype html><title>Profile</title>
                <button id="save" onclick="fetch('/api/profile', {method: 'POST',
                    headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: 'display_name=Ada&email=x@example.test'})
                    .then(() => { const p = document.createElement('p'); p.id = 'sent'; p.textContent = 'sent'; document.body.append(p); })">Save</button>
                """);

        ScriptedGate second = new ScriptedGate(r -> CheckpointDecision.reject("that is new"));
        RunResult result = fx.run(fx.scripts.get(script.id()), repeat, second);

        assertEquals(List.of(CheckpointType.ACCOUNT), second.types(), "a new field name is a new request");
        assertEquals(ExecutionStatus.ABORTED, result.status());
        assertEquals(1, site.received("POST", "/api/profile").size(), "only the first run's request arrived");
    }

    @Test
    void aCheckpointShowsBothTheAriaLabelAndTheVisibleTextAndWhereTheFormPosts() {
        site.page("/keys", """
                <!doctype html><title>Keys</title>
                <form method="post" action="/keys/k1/remove" id="key-form">
                <button id="details" aria-label="View details">Delete key</button></form>
                """);
        AutomationScript script = approved(program("[" + open("/keys") + ", " + click("details") + "]"));
        ScriptedGate gate = new ScriptedGate(r -> CheckpointDecision.reject("no"));

        RunResult result = fx.run(script, inputs(), gate);

        Map<String, String> context = gate.asked.getFirst().context();
        assertEquals("View details", context.get("target"), context.toString());
        assertEquals("Delete key", context.get("visible text"), context.toString());
        assertEquals("POST " + site.base() + "/keys/k1/remove", context.get("form posts to"), context.toString());
        assertEquals(ExecutionStatus.ABORTED, result.status());
        assertEquals(List.of(), site.received("POST", "/keys/k1/remove"));
    }

    @Test
    void anExtractIntoASecretIsAnApiKeyCheckpointThatNamesTheSecretAndPage() {
        site.page("/token", "<!doctype html><title>Token</title><code id=\"t\">pk-canary-7Hq2Lx9Vw3Rt8Yz</code>");
        AutomationScript script = approved(program("[" + open("/token") + ", {\"id\": \"keep\", \"type\": \"extract\","
                + " \"selector\": \"#t\", \"into\": {\"secret\": \"gate-test-key\"}}]"));
        ScriptedGate gate = new ScriptedGate(r -> CheckpointDecision.reject("no"));

        RunResult result = fx.run(script, inputs(), gate);

        CheckpointRequest asked = gate.asked.getLast();
        assertEquals(CheckpointType.API_KEY, asked.type());
        assertEquals("gate-test-key", asked.context().get("secret"));
        assertTrue(asked.description().contains(site.base() + "/token"), asked.description());
        assertFalse(asked.toString().contains("pk-canary"), "the value is never shown");
        assertEquals(ExecutionStatus.ABORTED, result.status());
        assertTrue(fx.session.secrets().list().stream().noneMatch(s -> s.name().equals("gate-test-key")));
    }

    @Test
    void aPageGetsNoWebRtcToSendAroundTheGate() throws IOException {
        try (ServerSocket turn = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
             DatagramSocket stun = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            turn.setSoTimeout(200);
            stun.setSoTimeout(200);
            // STUN and TURN carry the page's chosen user name to any address: a channel past every route.
            site.page("/call", """
                    <!doctype html><title>Call</title><button id="call" onclick="call()">Start call</button>
                    <script>
                    function tryPeer(scope, label) {
                      try {
                        const pc = new scope.RTCPeerConnection({iceServers: [
                          {urls: 'stun:127.0.0.1:%d'},
                          {urls: 'turn:127.0.0.1:%d?transport=tcp', username: 'exfil-%s', credential: 'x'}]});
                        pc.createDataChannel('leak');
                        pc.createOffer().then(o => pc.setLocalDescription(o));
                        return label + ':opened';
                      } catch (e) {
                        return label + ':refused';
                      }
                    }
                    function call() {
                      const frame = document.createElement('iframe');
                      document.body.append(frame);
                      const said = [tryPeer(window, 'page'), tryPeer(frame.contentWindow, 'frame')].join(' ');
                      // ICE gathering runs after the offer: give it time to reach the servers.
                      setTimeout(() => { const p = document.createElement('p'); p.id = 'done'; p.textContent = said;
                        document.body.append(p); }, 2500);
                    }
                    </script>
                    """.formatted(stun.getLocalPort(), turn.getLocalPort(), "canary"));
            AutomationScript script = approved(program("[" + open("/call") + ", " + click("call") + ", "
                    + "{\"id\": \"wait-done\", \"type\": \"wait_for\", \"selector\": \"#done\"}]"));

            RunResult result = fx.run(script, inputs(), ScriptedGate.approvingAll());

            assertEquals(ExecutionStatus.SUCCESS, result.status(), String.valueOf(result.error()));
            assertThrows(SocketTimeoutException.class, turn::accept, "a TURN connection reached the loopback server");
            assertThrows(SocketTimeoutException.class, () -> stun.receive(new DatagramPacket(new byte[1500], 1500)),
                    "a STUN packet reached the loopback server");
        }
    }

    private AutomationScript approved(String json) {
        AutomationScript script = fx.importJson(json);
        fx.scripts.approve(script.id());
        return fx.scripts.get(script.id());
    }

    private Map<String, String> inputs() {
        return Map.of("base_url", site.base());
    }

    private static int titles;

    private static String program(String steps) {
        return """
                {"format": "keyward.step-program", "format_version": 1, "title": "Gate case %d",
                 "provider": "practice-cloud", "task_type": "custom", "allowed_domains": ["127.0.0.1"],
                 "inputs": {"base_url": {"description": "site"}},
                 "steps": %s}
                """.formatted(++titles, steps);
    }

    private static String open(String path) {
        return "{\"id\": \"open\", \"type\": \"goto\", \"url\": \"{{input:base_url}}" + path + "\"}";
    }

    private static String click(String id) {
        return "{\"id\": \"click-" + id + "\", \"type\": \"click\", \"selector\": \"#" + id + "\"}";
    }

    private static void assertThrowsPlaywright(Runnable action) {
        try {
            action.run();
        } catch (PlaywrightException expected) {
            return;
        }
        throw new AssertionError("the navigation should have failed");
    }
}
