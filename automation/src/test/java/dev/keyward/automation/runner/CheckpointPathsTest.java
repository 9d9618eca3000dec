package dev.keyward.automation.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The human-in-the-loop paths against Practice Cloud in a real Chromium: approve, reject, timeout, modify, what a
 * repeat run may auto-approve, and the run's status while it waits.
 */
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
        assertEquals(List.of(CheckpointType.SCRIPT_REVIEW, CheckpointType.ACCOUNT, CheckpointType.API_KEY,
                CheckpointType.API_KEY, CheckpointType.IRREVERSIBLE, CheckpointType.IRREVERSIBLE), gate.types(),
                "review, sign in (a password form), create key, store the page's key as a secret, Revoke (rules),"
                + " Confirm revoke");
        assertEquals(1, fx.state().keys().created().size());
        String newKey = fx.state().keys().created().getFirst().value();
        assertEquals(List.of(KeyLedger.DEFAULT_SEEDED_NAME),
                fx.state().keys().revoked().stream().map(k -> k.name()).toList());
        assertEquals(2, fx.session.secrets().info("practice-cloud-api-key").version(), "a new secret version");
        assertEquals(newKey, new String(fx.session.secrets().reveal("practice-cloud-api-key",
                dev.keyward.vault.secrets.SecretService.Purpose.READ)));
        assertEquals(KeyLedger.DEFAULT_SEEDED_VALUE, new String(fx.session.secrets().revealVersion("practice-cloud-api-key", 1)));

        ExecutionRecord run = fx.execution(result.executionId());
        assertEquals(6, run.checkpointsReached());
        assertEquals(6, run.checkpointsApproved());
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
        assertEquals(3, run.checkpointsReached(), "review, sign in, billing page");
        assertEquals(1, run.checkpointsRejected());
        List<CheckpointRecord> decided = fx.checkpoints(result.executionId());
        assertEquals(CheckpointDecision.Kind.REJECTED, decided.get(2).decision());
        assertEquals("not now", decided.get(2).userNotes());
        assertEquals("aborted", fx.scripts.get(script.id()).lastExecutionStatus());
        List<String> statuses = result.steps().stream().map(s -> s.status().jsonName()).toList();
        assertEquals(List.of("completed", "completed", "completed", "completed", "completed", "skipped",
                "not_started", "not_started", "not_started", "not_started"), statuses);
    }

    @Test
    void noAnswerInTimeRejectsAndAbortsTheRun() {
        AutomationScript script = fx.importSample("set-billing-cap.json");
        fx.scripts.approve(script.id());
        // The sign-in checkpoint is approved; then the terminal goes quiet at the billing page.
        byte[] first = "approve\n".getBytes(StandardCharsets.UTF_8);
        InputStream silent = new InputStream() {
            private int next;

            @Override
            public int read(byte[] into, int offset, int length) throws IOException {
                // Hands over the answer at once; the default would block for the rest of the buffer.
                if (next < first.length && length > 0) {
                    int n = Math.min(length, first.length - next);
                    System.arraycopy(first, next, into, offset, n);
                    next += n;
                    return n;
                }
                return super.read(into, offset, length);
            }

            @Override
            public int read() throws IOException {
                if (next < first.length) {
                    return first[next++];
                }
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
        assertEquals(List.of(CheckpointType.ACCOUNT, CheckpointType.BILLING),
                decided.stream().map(CheckpointRecord::type).toList());
        assertEquals(CheckpointDecision.Kind.REJECTED, decided.getLast().decision());
        assertEquals("no answer within 2 seconds", decided.getLast().userNotes());
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
        assertEquals(CheckpointType.BILLING, gate.asked.get(2).type());
        assertNull(gate.asked.get(2).modifiable(), "opening a page has no value to change");
        CheckpointRecord modified = fx.checkpoints(result.executionId()).getLast();
        assertEquals(CheckpointDecision.Kind.MODIFIED, modified.decision());
        assertTrue(modified.contextJson().contains("\"modified_value\":\"75\""), modified.contextJson());
        ExecutionRecord run = fx.execution(result.executionId());
        assertEquals(4, run.checkpointsApproved(), "review, sign in, billing page, and the modified save");
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
        List<CheckpointRecord> auto = fx.checkpoints(again.executionId());
        assertEquals(List.of(CheckpointType.ACCOUNT, CheckpointType.ACCOUNT, CheckpointType.BILLING,
                CheckpointType.BILLING, CheckpointType.BILLING), auto.stream().map(CheckpointRecord::type).toList(),
                "signing in and its POST /login (approved on the first run), the billing page, Save cap and its"
                + " POST /billing/cap (approved on the first run)");
        assertTrue(auto.get(1).contextJson().contains("POST 127.0.0.1/login"), auto.get(1).contextJson());
        assertTrue(auto.stream().allMatch(c -> c.userNotes().startsWith("auto-approved")));
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
    void repeatRunNeverAutoApprovesTheRevokeOrItsConfirmation() {
        AutomationScript rotate = fx.importSample("rotate-api-key.json");
        RunResult first = fx.run(rotate, Map.of("old_key_name", KeyLedger.DEFAULT_SEEDED_NAME), ScriptedGate.approvingAll());
        assertEquals(ExecutionStatus.SUCCESS, first.status(), String.valueOf(first.error()));
        assertEquals(List.of(KeyLedger.DEFAULT_SEEDED_NAME), fx.state().keys().revoked().stream().map(k -> k.name()).toList());

        ScriptedGate second = new ScriptedGate(r -> r.stepId().equals("confirm-revoke")
                ? CheckpointDecision.reject("keep the old key a while") : CheckpointDecision.approve("go on"));
        RunOptions repeat = RunOptions.defaults(fx.withBaseUrl(Map.of("new_key_name", "second-rotation",
                "old_key_name", "keyward-rotated"))).withAutoApproveRepeat(true);
        RunResult again = fx.run(fx.scripts.get(rotate.id()), repeat, second);

        assertEquals(List.of("create-key", "store-new-key", "ask-revoke", "confirm-revoke"),
                second.asked.stream().map(CheckpointRequest::stepId).toList(),
                "creating the key, storing it, the Revoke button and the confirmation behind it are asked, though the"
                + " run auto-approves");
        assertEquals(List.of(CheckpointType.API_KEY, CheckpointType.API_KEY, CheckpointType.IRREVERSIBLE,
                CheckpointType.IRREVERSIBLE), second.types());
        assertEquals(ExecutionStatus.ABORTED, again.status());
        assertEquals(List.of(KeyLedger.DEFAULT_SEEDED_NAME), fx.state().keys().revoked().stream().map(k -> k.name()).toList(),
                "the human's rejection held: the first rotation's key is still active");
        List<CheckpointRecord> recorded = fx.checkpoints(again.executionId());
        assertEquals(List.of(CheckpointType.ACCOUNT, CheckpointType.ACCOUNT, CheckpointType.API_KEY,
                CheckpointType.API_KEY, CheckpointType.IRREVERSIBLE, CheckpointType.IRREVERSIBLE),
                recorded.stream().map(CheckpointRecord::type).toList());
        assertTrue(recorded.get(0).userNotes().startsWith("auto-approved") && recorded.get(1).userNotes().startsWith("auto-approved"));
        assertEquals("go on", recorded.get(2).userNotes());
        assertEquals(CheckpointDecision.Kind.REJECTED, recorded.get(5).decision());
    }

    @Test
    void theRunReadsPausedAtCheckpointWhileAHumanIsAsked() throws Exception {
        AutomationScript script = fx.importSample("read-usage-dashboard.json");
        fx.scripts.approve(script.id());
        BlockingQueue<CheckpointRequest> waiting = new LinkedBlockingQueue<>();
        CompletableFuture<CheckpointDecision> answer = new CompletableFuture<>();
        CheckpointGate holding = request -> {
            waiting.add(request);
            return answer;
        };
        ExecutorService runs = Executors.newSingleThreadExecutor();
        try {
            Future<RunResult> running = runs.submit(() -> fx.run(script, Map.of(), holding));

            CheckpointRequest asked = waiting.poll(2, TimeUnit.MINUTES);
            assertNotNull(asked, "the sign-in checkpoint was never asked");
            assertEquals(CheckpointType.ACCOUNT, asked.type());
            ExecutionRecord paused = fx.execution(asked.executionId());
            assertEquals(ExecutionStatus.PAUSED_AT_CHECKPOINT, paused.status());
            assertEquals("paused_at_checkpoint", paused.status().dbValue());
            assertEquals(0, paused.checkpointsReached(), "no decision yet");
            assertEquals(List.of(), fx.state().account().logins(), "the gate holds the sign-in back");
            assertFalse(running.isDone());

            answer.complete(CheckpointDecision.approve("go ahead"));
            RunResult result = running.get(2, TimeUnit.MINUTES);

            assertEquals(ExecutionStatus.SUCCESS, result.status(), String.valueOf(result.error()));
            ExecutionRecord finished = fx.execution(asked.executionId());
            assertEquals(ExecutionStatus.SUCCESS, finished.status());
            assertEquals(1, finished.checkpointsApproved());
            assertEquals(1, fx.state().account().logins().size());
        } finally {
            answer.complete(CheckpointDecision.reject("test over"));
            runs.shutdown();
            assertTrue(runs.awaitTermination(2, TimeUnit.MINUTES));
        }
    }

    @Test
    void changedProgramIsReviewedAgainOnItsFirstRun() {
        AutomationScript script = fx.importSample("read-usage-dashboard.json");
        ScriptedGate first = ScriptedGate.approvingAll();
        assertEquals(ExecutionStatus.SUCCESS, fx.run(script, Map.of(), first).status());
        assertEquals(List.of(CheckpointType.SCRIPT_REVIEW, CheckpointType.ACCOUNT), first.types());
        ScriptedGate second = ScriptedGate.approvingAll();
        assertEquals(ExecutionStatus.SUCCESS, fx.run(fx.scripts.get(script.id()), Map.of(), second).status());
        assertEquals(List.of(CheckpointType.ACCOUNT), second.types(),
                "an approved, unchanged program is not reviewed again; without auto-approve, signing in still asks");

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
