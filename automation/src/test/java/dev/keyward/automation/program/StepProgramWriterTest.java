package dev.keyward.automation.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StepProgramWriterTest {

    private static final String PROGRAM = """
            {
              "format": "keyward.step-program",
              "format_version": 1,
              "title": "Set cap",
              "provider": "example",
              "task_type": "billing_restriction",
              "allowed_domains": ["example.com"],
              "inputs": {"cap": {"default": "50"}, "base_url": {"description": "Site"}},
              "steps": [
                {"id": "open", "type": "goto", "url": "{{input:base_url}}/billing", "timeout_ms": 5000},
                {"id": "cap", "type": "fill", "selector": "#cap", "value": "{{input:cap}}"},
                {"id": "save", "type": "click", "selector": "#save", "gate": "billing", "description": "Save"},
                {"id": "seen", "type": "extract", "selector": "#cap", "attribute": "value", "into": {"output": "cap"}}
              ]
            }
            """;

    /** The same program with every object's keys in another order and other whitespace. */
    private static final String REORDERED = """
            {"steps": [
              {"timeout_ms": 5000, "url": "{{input:base_url}}/billing", "type": "goto", "id": "open"},
              {"value": "{{input:cap}}", "selector": "#cap", "id": "cap", "type": "fill"},
              {"description": "Save", "gate": "billing", "selector": "#save", "type": "click", "id": "save"},
              {"into": {"output": "cap"}, "attribute": "value", "selector": "#cap", "type": "extract", "id": "seen"}],
             "inputs": {"base_url": {"description": "Site"}, "cap": {"default": "50"}},
             "allowed_domains": ["example.com"], "task_type": "billing_restriction", "provider": "example",
             "title": "Set cap", "format_version": 1, "format": "keyward.step-program"}
            """;

    private static StepProgram read(String json) {
        return new StepProgramValidator().requireValid(json, List.of());
    }

    @Test
    void canonicalJsonHasAFixedFieldOrderAndOmitsAbsentFields() {
        assertEquals("{\"format\":\"keyward.step-program\",\"format_version\":1,\"title\":\"Set cap\","
                + "\"provider\":\"example\",\"task_type\":\"billing_restriction\",\"allowed_domains\":[\"example.com\"],"
                + "\"inputs\":{\"base_url\":{\"description\":\"Site\"},\"cap\":{\"default\":\"50\"}},\"steps\":["
                + "{\"id\":\"open\",\"type\":\"goto\",\"url\":\"{{input:base_url}}/billing\",\"timeout_ms\":5000},"
                + "{\"id\":\"cap\",\"type\":\"fill\",\"selector\":\"#cap\",\"value\":\"{{input:cap}}\"},"
                + "{\"id\":\"save\",\"type\":\"click\",\"selector\":\"#save\",\"gate\":\"billing\",\"description\":\"Save\"},"
                + "{\"id\":\"seen\",\"type\":\"extract\",\"selector\":\"#cap\",\"attribute\":\"value\","
                + "\"into\":{\"output\":\"cap\"}}]}", new StepProgramWriter().writeCanonical(read(PROGRAM)));
    }

    @Test
    void hashIsStableUnderKeyReorderingAndWhitespace() {
        StepProgram original = read(PROGRAM);
        StepProgram reordered = read(REORDERED);

        assertEquals(original, reordered);
        assertEquals(original.contentHash(), reordered.contentHash());
        assertTrue(original.contentHash().matches("[0-9a-f]{64}"), original.contentHash());
    }

    @Test
    void hashChangesWhenAnyValueChanges() {
        String original = read(PROGRAM).contentHash();

        assertNotEquals(original, read(PROGRAM.replace("\"gate\": \"billing\", ", "")).contentHash());
        assertNotEquals(original, read(PROGRAM.replace("#save", "#save-cap")).contentHash());
        assertNotEquals(original, read(PROGRAM.replace("\"50\"", "\"51\"")).contentHash());
    }

    @Test
    void stepOrderIsPartOfTheContent() {
        String swapped = PROGRAM.replace("""
                {"id": "cap", "type": "fill", "selector": "#cap", "value": "{{input:cap}}"},
                    {"id": "save", "type": "click", "selector": "#save", "gate": "billing", "description": "Save"},""",
                """
                {"id": "save", "type": "click", "selector": "#save", "gate": "billing", "description": "Save"},
                    {"id": "cap", "type": "fill", "selector": "#cap", "value": "{{input:cap}}"},""");

        assertNotEquals(PROGRAM, swapped, "the test must really swap two steps");
        assertNotEquals(read(PROGRAM).contentHash(), read(swapped).contentHash());
    }

    @Test
    void writtenProgramReadsBackEqual() {
        StepProgram program = read(PROGRAM);
        StepProgramWriter writer = new StepProgramWriter();

        assertEquals(program, read(writer.writePretty(program)));
        assertEquals(program, read(writer.writeCanonical(program)));
    }

    @Test
    void everyStepTypeSurvivesARoundTrip() {
        StepProgram program = new StepProgram(StepProgram.FORMAT, 1, "All", "every type", "example",
                TaskType.CUSTOM, List.of("example.com"), List.of(new InputDeclaration("amount", "Amount", "10")),
                List.of(new Step.Goto(StepHeader.of("a"), "https://example.com/"),
                        new Step.Fill(StepHeader.of("b"), "#p", "{{secret:pw}}"),
                        new Step.Click(StepHeader.of("c").withGate(CheckpointType.ACCOUNT), "#c"),
                        new Step.Select(StepHeader.of("d"), "#d", "{{input:amount}}"),
                        new Step.Press(StepHeader.of("e").withTimeoutMs(100), "#e", "Control+A"),
                        new Step.WaitFor(StepHeader.of("f"), "#f", WaitState.HIDDEN, null),
                        new Step.WaitFor(StepHeader.of("g"), null, null, "**/done"),
                        new Step.Expect(StepHeader.of("h"), ExpectKind.TEXT, "#h", "ok"),
                        new Step.Extract(StepHeader.of("i"), "#i", null, new ExtractTarget.Secret("new-key")),
                        new Step.Screenshot(StepHeader.of("j"), "j"),
                        new Step.Checkpoint(StepHeader.of("k").withDescription("Ask"), CheckpointType.SCRIPT_REVIEW,
                                "Go on"),
                        new Step.HandoffPayment(StepHeader.of("l"), "Pay yourself"),
                        new Step.TotpFill(StepHeader.of("m"), "#m", "totp-seed", 6, TotpAlgorithm.SHA512)));

        assertEquals(List.of(), new StepProgramValidator().validate(program));
        assertEquals(program, read(new StepProgramWriter().writePretty(program)));
    }
}
