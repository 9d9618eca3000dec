package dev.keyward.automation.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.program.CheckpointType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CliCheckpointGateTest {

    private static CheckpointRequest request(boolean modifiable) {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("page", "http://127.0.0.1:1/billing");
        return new CheckpointRequest("run-1", "Set the cap", "save-cap", CheckpointType.BILLING, "Saves the cap",
                "Click 'Save cap'", context,
                modifiable ? new CheckpointRequest.ModifiableValue("enter-cap", "#monthly-cap", "50") : null,
                Duration.ofSeconds(30));
    }

    @Test
    void answersAreReadWithTheirNotes() {
        assertEquals(Optional.of(CheckpointDecision.approve(null)), CliCheckpointGate.parse("approve", false));
        assertEquals(Optional.of(CheckpointDecision.approve("fine by me")), CliCheckpointGate.parse("  A fine by me", false));
        assertEquals(Optional.of(CheckpointDecision.reject("too high")), CliCheckpointGate.parse("reject too high", true));
        assertEquals(Optional.of(CheckpointDecision.reject("rejected")), CliCheckpointGate.parse("n", true));
        assertEquals(Optional.of(CheckpointDecision.modify("75", "headroom")), CliCheckpointGate.parse("modify 75 headroom", true));
    }

    @Test
    void modifyWithoutAValueOrWhereNothingCanChangeIsNotAnAnswer() {
        assertEquals(Optional.empty(), CliCheckpointGate.parse("modify", true));
        assertEquals(Optional.empty(), CliCheckpointGate.parse("modify 75", false));
        assertEquals(Optional.empty(), CliCheckpointGate.parse("maybe", true));
        assertEquals(Optional.empty(), CliCheckpointGate.parse("   ", true));
    }

    @Test
    void promptShowsTheRequestAndSkipsLinesThatAreNoAnswer() throws Exception {
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        CliCheckpointGate gate = CliCheckpointGate.reading(new ByteArrayInputStream(
                "what?\nmodify 80\n".getBytes(StandardCharsets.UTF_8)), new PrintStream(shown, true, StandardCharsets.UTF_8));
        CheckpointDecision decision = gate.ask(request(true)).get(10, TimeUnit.SECONDS);
        assertEquals(CheckpointDecision.modify("80", null), decision);
        String text = shown.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("== Checkpoint: billing") && text.contains("Proposed: Click 'Save cap'")
                && text.contains("page: http://127.0.0.1:1/billing") && text.contains("Value:    '50'")
                && text.contains("or 'modify VALUE'"), text);
    }

    @Test
    void endOfInputRejectsThisAndEveryLaterCheckpoint() throws Exception {
        CliCheckpointGate gate = CliCheckpointGate.reading(new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(CheckpointDecision.Kind.REJECTED, gate.ask(request(false)).get(10, TimeUnit.SECONDS).kind());
        assertEquals(CheckpointDecision.Kind.REJECTED, gate.ask(request(false)).get(10, TimeUnit.SECONDS).kind());
    }
}
