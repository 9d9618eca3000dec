package dev.keyward.automation.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyward.automation.browser.RequiresChromium;
import dev.keyward.automation.practice.KeyLedger;
import dev.keyward.automation.program.CheckpointType;
import dev.keyward.automation.scripts.ApprovalStatus;
import dev.keyward.automation.scripts.AutomationScript;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The human-in-the-loop paths against Practice Cloud in a real Chromium: approve, reject, timeout, modify. */
@RequiresChromium
class CheckpointPathsTest {

    @TempDir
    static Path root;
    private static RunnerFixture fx;

    @BeforeAll
    static void openVaultAndBrowser() {
        fx = new RunnerFixture(root, "practice-password-checkpoints");
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
    void approvedRotationStoresTheNewKeyAsANewSecretVersionAndRevokesTheOldOne() throws IOException {
        fx.session.secrets().add("practice-cloud-api-key", KeyLedger.DEFAULT_SEEDED_VALUE.toCharArray(), "practice-cloud");
        AutomationScript script = fx.importSample("rotate-api-key.json");
        ScriptedGate gate = ScriptedGate.approvingAll();

        RunResult result = fx.run(script, Map.of("old_key_name", KeyLedger.DEFAULT_SEEDED_NAME), gate);

        assertEquals(ExecutionStatus.SUCCESS, result.status(), String.valueOf(result.error()));
        assertEquals(List.of(CheckpointType.SCRIPT_REVIEW, CheckpointType.API_KEY, CheckpointType.IRREVERSIBLE,
                CheckpointType.IRREVERSIBLE), gate.types(), "review, create key, Revoke (rules), Confirm revoke");
        assertEquals(1, fx.state().keys().created().size());
        String newKey = fx.state().keys().created().getFirst().value();
        assertEquals(List.of(KeyLedger.DEFAULT_SEEDED_NAME),
                fx.state().keys().revoked().stream().map(k -> k.name()).toList());
        assertEquals(2, fx.session.secrets().info("practice-cloud-api-key").version(), "a new secret version");
        assertEquals(newKey, new String(fx.session.secrets().reveal("practice-cloud-api-key",
                dev.keyward.vault.secrets.SecretService.Purpose.READ)));
        assertEquals(KeyLedger.DEFAULT_SEEDED_VALUE, new String(fx.session.secrets().revealVersion("practice-cloud-api-key", 1)));

        ExecutionRecord run = fx.execution(result.executionId());
        assertEquals(4, run.checkpointsReached());
        assertEquals(4, run.checkpointsApproved());
        assertEquals(0, run.checkpointsRejected());
        assertNull(run.errorMessageRedacted());
        assertFalse(run.resultSummaryJson().contains(newKey), "the new key is only in the vault");
        JsonNode stored = fx.summary(result.executionId()).get("secrets_stored").get(0);
        assertEquals("practice-cloud-api-key", stored.get("name").asText());
        assertEquals(2, stored.get("version").asInt());
        assertEquals(ApprovalStatus.APPROVED, fx.scripts.get(script.id()).approvalStatus(), "review approved this version");
        assertEquals(1, fx.scripts.get(script.id()).executionCount());
        assertEquals("success", fx.scripts.get(script.id()).lastExecutionStatus());
        for (CheckpointRecord c : fx.checkpoints(result.executionId())) {
            assertFalse(c.contextJson().contains(newKey) || c.contextJson().contains("practice-password-checkpoints"));
        }
    }

    @Test
    void rejectingTheBillingCheckpointAbortsAndChangesNothing() {
        AutomationScript script = fx.importSample("set-billing-cap.json");
        ScriptedGate gate = ScriptedGate.rejecting(CheckpointType.BILLING);

        RunResult result = fx.run(script, Map.of("cap", "50"), gate);

        assertEquals(ExecutionStatus.ABORTED, result.status());
        assertTrue(result.error().contains("open-billing") && result.error().contains("billing"), result.error());
        assertEquals(List.of(), fx.state().capChanges());
        assertEquals(Optional.empty(), fx.state().monthlyCap());
        ExecutionRecord run = fx.execution(result.executionId());
        assertEquals(ExecutionStatus.ABORTED, run.status());
        assertEquals(2, run.checkpointsReached());
        assertEquals(1, run.checkpointsRejected());
        List<CheckpointRecord> decided = fx.checkpoints(result.executionId());
        assertEquals(CheckpointDecision.Kind.REJECTED, decided.get(1).decision());
        assertEquals("not now", decided.get(1).userNotes());
        assertEquals("aborted", fx.scripts.get(script.id()).lastExecutionStatus());
        List<String> statuses = result.steps().stream().map(s -> s.status().jsonName()).toList();
        assertEquals(List.of("completed", "completed", "completed", "completed", "completed", "skipped",
                "not_started", "not_started", "not_started", "not_started"), statuses);
    }

    @Test
    void noAnswerInTimeRejectsAndAbortsTheRun() {
        AutomationScript script = fx.importSample("set-billing-cap.json");
        fx.scripts.approve(script.id());
        InputStream silent = new InputStream() {
            @Override
            public int read() throws IOException {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return -1;
            }
        };
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        CliCheckpointGate gate = CliCheckpointGate.reading(silent, new PrintStream(shown, true, StandardCharsets.UTF_8));
        RunOptions options = RunOptions.defaults(fx.withBaseUrl(Map.of("cap", "50")))
                .withCheckpointTimeout(Duration.ofSeconds(2));

        RunResult result = fx.run(script, options, gate);

        assertEquals(ExecutionStatus.ABORTED, result.status());
        List<CheckpointRecord> decided = fx.checkpoints(result.executionId());
        assertEquals(1, decided.size());
        assertEquals(CheckpointType.BILLING, decided.getFirst().type());
        assertEquals(CheckpointDecision.Kind.REJECTED, decided.getFirst().decision());
        assertEquals("no answer within 2 seconds", decided.getFirst().userNotes());
        assertTrue(shown.toString(StandardCharsets.UTF_8).contains("== Checkpoint: billing"));
        assertEquals(List.of(), fx.state().capChanges());
    }

    @Test
    void modifyingAtTheSaveCheckpointSetsTheModifiedCap() throws IOException {
        AutomationScript script = fx.importSample("set-billing-cap.json");
        ScriptedGate gate = new ScriptedGate(r -> r.stepId().equals("save-cap")
                ? CheckpointDecision.modify("75", "keep some headroom") : CheckpointDecision.approve(null));

        RunResult result = fx.run(script, Map.of("cap", "50"), gate);

        assertEquals(ExecutionStatus.SUCCESS, result.status(), String.valueOf(result.error()));
        assertEquals(List.of(new BigDecimal("75")), fx.state().capChanges());
        CheckpointRequest atSave = gate.asked.getLast();
        assertEquals("50", atSave.modifiable().currentValue());
        assertEquals("enter-cap", atSave.modifiable().stepId());
        assertNull(gate.asked.get(1).modifiable(), "opening a page has no value to change");
        CheckpointRecord modified = fx.checkpoints(result.executionId()).getLast();
        assertEquals(CheckpointDecision.Kind.MODIFIED, modified.decision());
        assertTrue(modified.contextJson().contains("\"modified_value\":\"75\""), modified.contextJson());
        ExecutionRecord run = fx.execution(result.executionId());
        assertEquals(3, run.checkpointsApproved());
        JsonNode screenshots = fx.summary(result.executionId()).get("screenshots");
        assertEquals("billing-after-cap", screenshots.get(0).get("name").asText());
        assertTrue(run.debugScreenshotPathsJson().contains(".png.enc"));
    }

    @Test
    void repeatRunAutoApprovesBillingButNeverFinancial() {
        AutomationScript cap = fx.importSample("set-billing-cap.json");
        assertEquals(ExecutionStatus.SUCCESS, fx.run(cap, Map.of("cap", "40"), ScriptedGate.approvingAll()).status());
        ScriptedGate second = ScriptedGate.approvingAll();
        RunOptions repeat = RunOptions.defaults(fx.withBaseUrl(Map.of("cap", "45"))).withAutoApproveRepeat(true);
        RunResult again = fx.run(fx.scripts.get(cap.id()), repeat, second);
        assertEquals(ExecutionStatus.SUCCESS, again.status());
        assertEquals(List.of(), second.asked, "billing checkpoints of an approved repeat run are auto-approved");
        assertTrue(fx.checkpoints(again.executionId()).stream().allMatch(c -> c.userNotes().startsWith("auto-approved")));
        assertEquals(List.of(new BigDecimal("40"), new BigDecimal("45")), fx.state().capChanges());

        AutomationScript buy = fx.importSample("buy-credits.json");
        assertEquals(ExecutionStatus.SUCCESS, fx.run(buy, Map.of("amount", "25"), ScriptedGate.approvingAll()).status());
        ScriptedGate buyAgain = ScriptedGate.approvingAll();
        RunResult bought = fx.run(fx.scripts.get(buy.id()),
                RunOptions.defaults(fx.withBaseUrl(Map.of("amount", "10"))).withAutoApproveRepeat(true), buyAgain);
        assertEquals(ExecutionStatus.SUCCESS, bought.status());
        assertEquals(List.of(CheckpointType.FINANCIAL), buyAgain.types(), "financial checkpoints always ask");
    }

    @Test
    void changedProgramIsReviewedAgainOnItsFirstRun() {
        AutomationScript script = fx.importSample("read-usage-dashboard.json");
        ScriptedGate first = ScriptedGate.approvingAll();
        assertEquals(ExecutionStatus.SUCCESS, fx.run(script, Map.of(), first).status());
        assertEquals(List.of(CheckpointType.SCRIPT_REVIEW), first.types());
        ScriptedGate second = ScriptedGate.approvingAll();
        assertEquals(ExecutionStatus.SUCCESS, fx.run(fx.scripts.get(script.id()), Map.of(), second).status());
        assertEquals(List.of(), second.asked, "an approved, unchanged program is not reviewed again");

        String changed = RunnerFixture.sample("read-usage-dashboard.json").replace("\"#usage-cost\"", "\"#usage-cost\", \"timeout_ms\": 9000");
        AutomationScript v2 = fx.scripts.updateContent(script.id(), changed);
        assertEquals(2, v2.version());
        ScriptedGate third = new ScriptedGate(r -> CheckpointDecision.reject("not this version"));
        RunResult refused = fx.run(v2, Map.of(), third);
        assertEquals(ExecutionStatus.ABORTED, refused.status());
        assertEquals(List.of(CheckpointType.SCRIPT_REVIEW), third.types());
        assertTrue(third.asked.getFirst().description().contains("changed"), third.asked.getFirst().description());
        assertNotEquals(ApprovalStatus.APPROVED, fx.scripts.get(script.id()).approvalStatus());
    }
}
