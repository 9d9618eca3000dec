package dev.keyward.automation.runner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyward.automation.browser.RequiresChromium;
import dev.keyward.automation.practice.KeyLedger;
import dev.keyward.automation.program.CheckpointType;
import dev.keyward.automation.scripts.AutomationScript;
import dev.keyward.vault.VaultDamagedException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures leave an encrypted screenshot and an error to act on; no secret value reaches anything a person reads. */
@RequiresChromium
class FailuresAndLeaksTest {

    private static final String CANARY_PASSWORD = "Canary-Pw-5b7e2d9c41f0aa";
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    static Path root;
    private static RunnerFixture fx;

    @BeforeAll
    static void openVaultAndBrowser() {
        fx = new RunnerFixture(root, CANARY_PASSWORD);
    }

    @AfterAll
    static void close() {
        fx.close();
    }

    @BeforeEach
    void freshPracticeCloud() throws IOException {
        fx.reset();
        fx.session.settings().set("automation_max_retries", "1");
    }

    @Test
    void failedStepKeepsAnEncryptedScreenshotAndSaysWhatToDo() throws IOException {
        AutomationScript script = fx.importJson(RunnerFixture.signedInProgram("Click a missing button", "[\"127.0.0.1\"]", """
                {"id": "press-missing", "type": "click", "selector": "#no-such-button", "timeout_ms": 800}
                """));
        RunResult result = fx.run(script, Map.of(), ScriptedGate.approvingAll());

        assertEquals(ExecutionStatus.FAILURE, result.status());
        assertTrue(result.error().contains("step 'press-missing'") && result.error().contains("#no-such-button")
                && result.error().contains("timeout_ms") && result.error().contains("(2 attempts)"), result.error());
        StepOutcome failed = result.steps().getLast();
        assertEquals(StepStatus.FAILED, failed.status());
        assertEquals(2, failed.attempts(), "one retry, as automation_max_retries says");

        ExecutionRecord run = fx.execution(result.executionId());
        assertEquals(result.error(), run.errorMessageRedacted());
        JsonNode paths = RunnerFixture.JSON.readTree(run.debugScreenshotPathsJson());
        assertEquals(1, paths.size());
        String relative = paths.get(0).asText();
        assertTrue(relative.startsWith("debug/" + result.executionId()), relative);
        Path file = fx.session.location().folder().resolve(relative);
        byte[] stored = Files.readAllBytes(file);
        assertFalse(Arrays.equals(PNG_MAGIC, Arrays.copyOf(stored, 8)), "the file on disk is not a PNG");
        byte[] png = new RunHistory(fx.session).screenshot(result.executionId(), relative);
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(png, 8), "it decrypts to a PNG");

        Path moved = file.resolveSibling(file.getFileName().toString().replace("press-missing", "other-step"));
        Files.copy(file, moved);
        assertThrows(VaultDamagedException.class, () -> new DebugScreenshots(fx.session)
                .open(result.executionId(), "debug/" + moved.getFileName()), "a renamed file does not decrypt");
    }

    @Test
    void aRunWhoseRowCannotBeWrittenTakesNoStep() {
        AutomationScript usage = fx.importSample("read-usage-dashboard.json");
        fx.scripts.approve(usage.id());
        // The run's row is written beside the browser's start: a write that fails there must still stop the run
        // before its first step. The guard fails the vault's next write (the row's) once.
        fx.session.database().guardWrites(() -> {
            throw new IllegalStateException("the disk is full");
        });
        List<String> stepsStarted = new ArrayList<>();
        RunObserver observer = new RunObserver() {
            @Override
            public void stepStarted(int index, String stepId, String type) {
                stepsStarted.add(stepId);
            }
        };
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> fx.runner.run(usage.id(),
                RunOptions.defaults(fx.withBaseUrl(Map.of())), ScriptedGate.approvingAll(), observer, fx.browser));
        assertEquals("the disk is full", failure.getMessage());
        assertEquals(List.of(), stepsStarted, "a step ran before the run's row was written");
        assertTrue(new RunHistory(fx.session).runsOf(usage.id(), 5).isEmpty());
    }

    @Test
    void usageFiguresBecomeOutputsAndAKeyReadIntoAnOutputIsWithheld() throws IOException {
        AutomationScript usage = fx.importSample("read-usage-dashboard.json");
        RunResult read = fx.run(usage, Map.of(), ScriptedGate.approvingAll());
        assertEquals(ExecutionStatus.SUCCESS, read.status(), String.valueOf(read.error()));
        assertEquals(List.of("cost", "request_limit", "requests"), read.outputs().keySet().stream().sorted().toList());
        assertTrue(read.outputs().get("requests").replaceAll("[^0-9]", "").equals("48210"), read.outputs().toString());
        assertEquals(read.outputs().get("cost"), fx.summary(read.executionId()).get("outputs").get("cost").asText());

        AutomationScript leaky = fx.importJson(RunnerFixture.signedInProgram("Read a key into an output", "[\"127.0.0.1\"]", """
                {"id": "open-keys", "type": "goto", "url": "{{input:base_url}}/keys"},
                {"id": "name-key", "type": "fill", "selector": "#key-name", "value": "for-output"},
                {"id": "create", "type": "click", "selector": "#create-key"},
                {"id": "read-key", "type": "extract", "selector": "#new-key-value", "into": {"output": "key"}}
                """));
        RunResult withheld = fx.run(leaky, Map.of(), ScriptedGate.approvingAll());
        String key = fx.state().keys().created().getFirst().value();
        assertEquals(StepStatus.NEEDS_REVIEW, withheld.steps().getLast().status());
        assertFalse(withheld.outputs().containsKey("key"));
        assertFalse(fx.execution(withheld.executionId()).resultSummaryJson().contains(key));
    }

    @Test
    void noSecretValueReachesRowsLogsOutputOrFiles() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setErr(capture);
        System.setOut(capture);
        List<RunResult> results = new ArrayList<>();
        try {
            fx.session.secrets().add("practice-cloud-api-key", KeyLedger.DEFAULT_SEEDED_VALUE.toCharArray(), "practice-cloud");
            CliCheckpointGate cli = CliCheckpointGate.reading(new java.io.ByteArrayInputStream(
                    "approve\napprove\napprove\napprove\napprove\napprove\n".getBytes(StandardCharsets.UTF_8)), capture);
            results.add(fx.runner.run(fx.importSample("rotate-api-key.json").id(),
                    RunOptions.defaults(fx.withBaseUrl(Map.of("old_key_name", KeyLedger.DEFAULT_SEEDED_NAME))), cli,
                    printingObserver(capture), fx.browser));
            results.add(fx.run(fx.importSample("buy-credits.json"), Map.of("amount", "10"), ScriptedGate.approvingAll()));
            results.add(fx.run(fx.importJson(RunnerFixture.signedInProgram("Fail after sign-in", "[\"127.0.0.1\"]", """
                    {"id": "missing", "type": "click", "selector": "#not-there", "timeout_ms": 500}
                    """)), Map.of(), ScriptedGate.approvingAll()));
            results.add(fx.run(fx.importJson(RunnerFixture.signedInProgram("Danger", "[\"127.0.0.1\"]", """
                    {"id": "open-danger", "type": "goto", "url": "{{input:base_url}}/danger"},
                    {"id": "delete", "type": "click", "selector": "#delete-account"}
                    """)), Map.of(), ScriptedGate.rejecting(CheckpointType.IRREVERSIBLE)));
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
        assertEquals(ExecutionStatus.SUCCESS, results.getFirst().status(),
                "review, sign in, create key, store it, Revoke and Confirm revoke were all approved on the terminal");
        String newKey = fx.state().keys().created().getFirst().value();
        assertEquals(newKey, new String(fx.session.secrets().reveal("practice-cloud-api-key",
                dev.keyward.vault.secrets.SecretService.Purpose.READ)), "the rotation worked, so the key existed");
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("== Checkpoint: api_key"), "the CLI gate printed");

        List<String> readable = new ArrayList<>();
        readable.add(printed.toString(StandardCharsets.UTF_8));
        results.forEach(r -> readable.add(r.toString()));
        readable.addAll(tableText("automation_executions"));
        readable.addAll(tableText("hitl_checkpoints"));
        readable.addAll(tableText("automation_scripts"));
        readable.addAll(tableText("audit_log"));
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                readable.add(f.toString());
                if (!f.getFileName().toString().startsWith("vault.db")) {
                    readable.add(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                }
            }
        }
        for (String canary : List.of(CANARY_PASSWORD, newKey, KeyLedger.DEFAULT_SEEDED_VALUE)) {
            for (String text : readable) {
                assertFalse(text.contains(canary), "a secret value leaked into: "
                        + text.substring(0, Math.min(120, text.length())));
            }
        }
    }

    private static RunObserver printingObserver(PrintStream out) {
        return new RunObserver() {
            @Override
            public void stepFinished(int index, StepOutcome outcome) {
                out.println(outcome);
            }

            @Override
            public void notice(String text) {
                out.println(text);
            }
        };
    }

    private static List<String> tableText(String table) {
        return fx.session.database().read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table);
                 ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        out.add(String.valueOf(rs.getObject(i)));
                    }
                }
            }
            return out;
        });
    }
}
