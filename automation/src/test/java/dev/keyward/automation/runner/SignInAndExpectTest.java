package dev.keyward.automation.runner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyward.automation.browser.RequiresChromium;
import dev.keyward.automation.practice.PracticeAccount;
import dev.keyward.automation.program.CheckpointType;
import dev.keyward.automation.scripts.AutomationScript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code totp}, {@code press} and {@code expect} steps in a real Chromium against Practice Cloud: a two-step
 * sign-in with a code computed from the vault's TOTP seed, and expectations that pass and one that fails.
 */
@RequiresChromium
class SignInAndExpectTest {

    private static final String PASSWORD = "practice-password-totp-runs";
    /** A base32 TOTP seed, kept only in the vault and in Practice Cloud; it must never show up anywhere else. */
    private static final String TOTP_SEED = "KVKFKRCPNZQUYMLXOVYDSQKJKZDTSRLD";
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** Signs in with Enter in the password field, passes the TOTP step with Enter, then checks the dashboard. */
    private static final String TOTP_SIGN_IN = """
            {"format": "keyward.step-program", "format_version": 1, "title": "Sign in with a second factor",
             "provider": "practice-cloud", "task_type": "dashboard_scrape", "allowed_domains": ["127.0.0.1"],
             "inputs": {"base_url": {"description": "site"}},
             "steps": [
              {"id": "open-login", "type": "goto", "url": "{{input:base_url}}/login"},
              {"id": "login-username", "type": "fill", "selector": "#username", "value": "demo@practice.test"},
              {"id": "login-password", "type": "fill", "selector": "#password", "value": "{{secret:practice-cloud-password}}"},
              {"id": "submit-password", "type": "press", "selector": "#password", "key": "Enter"},
              {"id": "code-asked", "type": "wait_for", "selector": "#totp-code"},
              {"id": "second-factor", "type": "totp", "selector": "#totp-code", "secret": "practice-cloud-totp-seed"},
              {"id": "submit-code", "type": "press", "selector": "#totp-code", "key": "Enter"},
              {"id": "on-dashboard", "type": "expect", "kind": "url", "value": "**/dashboard"},
              {"id": "usage-shown", "type": "expect", "kind": "visible", "selector": "#usage-requests"},
              {"id": "month-heading", "type": "expect", "kind": "text", "selector": "#usage-heading", "value": "This month"}
             ]}
            """;

    @TempDir
    static Path root;
    private static RunnerFixture fx;

    @BeforeAll
    static void openVaultAndBrowser() {
        fx = new RunnerFixture(root, PASSWORD);
    }

    @AfterAll
    static void close() {
        fx.close();
    }

    @BeforeEach
    void freshPracticeCloudWithASecondFactor() throws IOException {
        fx.reset();
        fx.session.settings().set("automation_max_retries", "0");
        fx.state().account().enableTotp(TOTP_SEED);
        fx.session.secrets().add("practice-cloud-totp-seed", TOTP_SEED.toCharArray(), "practice-cloud");
    }

    @Test
    void totpSignInAsksOnceThenRunsHandsFreeOnApprovedRepeatRuns() throws IOException {
        AutomationScript script = fx.importJson(TOTP_SIGN_IN);
        ScriptedGate first = ScriptedGate.approvingAll();

        RunResult result = fx.run(script, Map.of(), first);

        assertEquals(ExecutionStatus.SUCCESS, result.status(), String.valueOf(result.error()));
        assertEquals(List.of(CheckpointType.SCRIPT_REVIEW, CheckpointType.ACCOUNT, CheckpointType.ACCOUNT),
                first.types(), "the first run reviews the program, asks before the password form is submitted, and"
                + " asks when the code form posts (no label marks it; the request does)");
        assertEquals("POST 127.0.0.1/login/totp (form submission)", first.asked.get(2).context().get("request"));
        CheckpointRequest signIn = first.asked.get(1);
        assertEquals("submit-password", signIn.stepId(), "Enter in the password field submits the form");
        assertTrue(signIn.description().contains("the form 'login-form'"), signIn.description());
        assertFalse(signIn.description().contains(PASSWORD), "the description names the form, never its values");
        assertTrue(result.steps().stream().allMatch(s -> s.status() == StepStatus.COMPLETED), result.steps().toString());
        assertEquals(List.of(PracticeAccount.Outcome.TOTP_REQUIRED, PracticeAccount.Outcome.SIGNED_IN),
                fx.state().account().logins().stream().map(PracticeAccount.LoginEvent::outcome).toList(),
                "the password passed, then the code computed from the vault's seed");

        ScriptedGate nobody = new ScriptedGate(r -> CheckpointDecision.reject("nobody is watching"));
        RunResult repeat = fx.run(fx.scripts.get(script.id()),
                RunOptions.defaults(fx.withBaseUrl(Map.of())).withAutoApproveRepeat(true), nobody);

        assertEquals(ExecutionStatus.SUCCESS, repeat.status(), String.valueOf(repeat.error()));
        assertEquals(List.of(), nobody.asked, "an approved, unchanged program signs in with its TOTP hands-free");
        List<CheckpointRecord> recorded = fx.checkpoints(repeat.executionId());
        assertEquals(List.of(CheckpointType.ACCOUNT, CheckpointType.ACCOUNT, CheckpointType.ACCOUNT),
                recorded.stream().map(CheckpointRecord::type).toList(),
                "the sign-in step, then its POST /login and the POST /login/totp, each approved on the first run");
        assertTrue(recorded.getFirst().userNotes().startsWith("auto-approved"), recorded.getFirst().userNotes());
        assertEquals(2, fx.state().account().logins().stream()
                .filter(e -> e.outcome() == PracticeAccount.Outcome.SIGNED_IN).count());
        for (String runId : List.of(result.executionId(), repeat.executionId())) {
            String row = fx.execution(runId).toString() + fx.checkpoints(runId);
            assertFalse(row.contains(TOTP_SEED) || row.contains(PASSWORD), "a secret reached the run's rows");
        }
    }

    @Test
    void aWrongTotpSeedFailsAtTheExpectationWithoutSigningIn() {
        fx.session.secrets().remove("practice-cloud-totp-seed");
        fx.session.secrets().add("practice-cloud-totp-seed", "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U".toCharArray(),
                "practice-cloud");
        AutomationScript script = fx.importJson(TOTP_SIGN_IN.replace("\"**/dashboard\"",
                "\"**/dashboard\", \"timeout_ms\": 1500"));
        fx.scripts.approve(script.id());

        RunResult result = fx.run(script, Map.of(), ScriptedGate.approvingAll());

        assertEquals(ExecutionStatus.FAILURE, result.status());
        assertEquals("on-dashboard", result.steps().stream().filter(s -> s.status() == StepStatus.FAILED)
                .findFirst().orElseThrow().stepId(), "a code from another seed is refused, so the URL never matches");
        assertEquals(List.of(PracticeAccount.Outcome.TOTP_REQUIRED, PracticeAccount.Outcome.WRONG_TOTP),
                fx.state().account().logins().stream().map(PracticeAccount.LoginEvent::outcome).toList());
    }

    @Test
    void aFailedExpectationIsThatStepsFailureWithAnEncryptedScreenshot() throws IOException {
        fx.state().account().disableTotp();
        AutomationScript script = fx.importJson(RunnerFixture.signedInProgram("Expect the wrong heading",
                "[\"127.0.0.1\"]", """
                {"id": "usage-shown", "type": "expect", "kind": "visible", "selector": "#usage-requests"},
                {"id": "last-month", "type": "expect", "kind": "text", "selector": "#usage-heading",
                 "value": "Last month", "timeout_ms": 1000},
                {"id": "after", "type": "screenshot", "name": "never-taken"}
                """));

        RunResult result = fx.run(script, Map.of(), ScriptedGate.approvingAll());

        assertEquals(ExecutionStatus.FAILURE, result.status());
        JsonNode steps = fx.summary(result.executionId()).get("steps");
        JsonNode failed = steps.get(6);
        assertEquals("last-month", failed.get("id").asText());
        assertEquals("expect", failed.get("type").asText());
        assertEquals("failed", failed.get("status").asText());
        String error = failed.get("error").asText();
        assertTrue(error.contains("step 'last-month'") && error.contains("#usage-heading")
                && error.contains("'Last month'") && error.contains("check the page or the expected value"), error);
        assertFalse(error.contains("This month"), "the page's own text is not quoted: " + error);
        assertEquals("completed", steps.get(5).get("status").asText(), "the visible expectation passed");
        assertEquals("not_started", steps.get(7).get("status").asText());
        ExecutionRecord run = fx.execution(result.executionId());
        assertTrue(run.errorMessageRedacted().contains("step 'last-month'"), run.errorMessageRedacted());

        JsonNode paths = RunnerFixture.JSON.readTree(run.debugScreenshotPathsJson());
        assertEquals(1, paths.size(), "one debug screenshot of the failure");
        String relative = paths.get(0).asText();
        assertTrue(relative.startsWith("debug/" + result.executionId()) && relative.endsWith(".png.enc"), relative);
        byte[] stored = Files.readAllBytes(fx.session.location().folder().resolve(relative));
        assertFalse(Arrays.equals(PNG_MAGIC, Arrays.copyOf(stored, 8)), "the file on disk is encrypted");
        byte[] png = new RunHistory(fx.session).screenshot(result.executionId(), relative);
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(png, 8), "it decrypts to a PNG");
    }
}
