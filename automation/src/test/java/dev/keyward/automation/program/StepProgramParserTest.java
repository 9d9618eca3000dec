package dev.keyward.automation.program;

import static dev.keyward.automation.program.ProgramJson.messages;
import static dev.keyward.automation.program.ProgramJson.validate;
import static dev.keyward.automation.program.ProgramJson.withSteps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StepProgramParserTest {

    private static final String EVERY_STEP_TYPE = withSteps(
            """
            {"id": "open", "type": "goto", "url": "https://example.com/login", "timeout_ms": 15000}""",
            """
            {"id": "user", "type": "fill", "selector": "#username", "value": "{{provider.name}}"}""",
            """
            {"id": "pass", "type": "fill", "selector": "#password", "value": "{{secret:example-password}}"}""",
            """
            {"id": "code", "type": "totp", "selector": "#otp", "secret": "example-totp", "digits": 8, "algorithm": "sha256"}""",
            """
            {"id": "submit", "type": "click", "selector": "button[type=submit]", "description": "Sign in"}""",
            """
            {"id": "enter", "type": "press", "key": "Enter"}""",
            """
            {"id": "home", "type": "wait_for", "url": "**/dashboard"}""",
            """
            {"id": "table", "type": "wait_for", "selector": "#usage", "state": "attached"}""",
            """
            {"id": "plan", "type": "select", "selector": "select[name=plan]", "value": "pro"}""",
            """
            {"id": "is-home", "type": "expect", "kind": "url", "value": "**/dashboard"}""",
            """
            {"id": "requests", "type": "extract", "selector": "#usage-requests", "into": {"output": "requests"}}""",
            """
            {"id": "new-key", "type": "extract", "selector": "#key", "attribute": "data-value", "into": {"secret": "example-key"}}""",
            """
            {"id": "shot", "type": "screenshot", "name": "after-login"}""",
            """
            {"id": "ask", "type": "checkpoint", "checkpoint_type": "billing", "description": "Set the cap",
             "proposed_action": "Save a monthly cap of {{input:cap}}"}""",
            """
            {"id": "save", "type": "click", "selector": "#save", "gate": "billing"}""",
            """
            {"id": "pay", "type": "handoff_payment", "reason": "Enter your card yourself"}""");

    @Test
    void everyStepTypeIsReadIntoItsRecord() {
        StepProgram program = validate(EVERY_STEP_TYPE).orThrow();

        assertEquals(16, program.steps().size());
        assertEquals("Test program", program.title());
        assertEquals(TaskType.CUSTOM, program.taskType());
        assertEquals(List.of("example.com"), program.allowedDomains());
        assertEquals(new Step.Goto(new StepHeader("open", 15000, null, null), "https://example.com/login"),
                program.steps().get(0));
        assertEquals(new Step.TotpFill(StepHeader.of("code"), "#otp", "example-totp", 8, TotpAlgorithm.SHA256),
                program.step("code").orElseThrow());
        assertEquals(new Step.Press(StepHeader.of("enter"), null, "Enter"), program.step("enter").orElseThrow());
        assertEquals(new Step.WaitFor(StepHeader.of("table"), "#usage", WaitState.ATTACHED, null),
                program.step("table").orElseThrow());
        assertEquals(new ExtractTarget.Secret("example-key"),
                ((Step.Extract) program.step("new-key").orElseThrow()).into());
        Step.Checkpoint ask = (Step.Checkpoint) program.step("ask").orElseThrow();
        assertEquals(CheckpointType.BILLING, ask.checkpointType());
        assertEquals("Set the cap", ask.description());
        assertEquals(CheckpointType.BILLING, program.step("save").orElseThrow().header().gate());
        assertInstanceOf(Step.HandoffPayment.class, program.steps().getLast());
        assertEquals(List.of("base_url", "cap"), program.inputs().stream().map(InputDeclaration::name).toList());
        assertEquals("50", program.input("cap").orElseThrow().defaultValue());
    }

    @Test
    void missingRequiredFieldIsNamedByStepAndField() {
        List<String> messages = messages(withSteps("""
                {"id": "login-submit", "type": "click"}"""));

        assertEquals(List.of("step 'login-submit': field 'selector' is required"), messages);
    }

    @Test
    void problemCarriesStepIdAndFieldSeparately() {
        ValidationProblem problem = validate(withSteps("""
                {"id": "login-submit", "type": "click"}""")).problems().getFirst();

        assertEquals("login-submit", problem.stepId());
        assertEquals("selector", problem.field());
    }

    @Test
    void stepWithoutIdIsNamedByItsPosition() {
        List<String> messages = messages(withSteps("""
                {"id": "first", "type": "click", "selector": "#a"}""", """
                {"type": "click", "selector": "#b"}"""));

        assertEquals(List.of("step #2: field 'id' is required"), messages);
    }

    @Test
    void unknownStepTypeIsRefused() {
        List<String> messages = messages(withSteps("""
                {"id": "run-js", "type": "evaluate", "script": "alert(1)"}"""));

        assertEquals(1, messages.size());
        assertTrue(messages.getFirst().startsWith("step 'run-js': field 'type' must be one of: goto, fill, click"),
                messages.getFirst());
    }

    @Test
    void unknownFieldInAStepIsRefused() {
        List<String> messages = messages(withSteps("""
                {"id": "go", "type": "click", "selector": "#a", "force": true}"""));

        assertEquals(List.of("step 'go': unknown field 'force' is not part of the format; remove it"), messages);
    }

    @Test
    void fieldOfAnotherStepTypeIsRefused() {
        List<String> messages = messages(withSteps("""
                {"id": "go", "type": "goto", "url": "https://example.com/", "selector": "#a"}"""));

        assertEquals(List.of("step 'go': unknown field 'selector' is not part of the format; remove it"), messages);
    }

    @Test
    void unknownTopLevelFieldIsRefused() {
        String json = withSteps("""
                {"id": "a", "type": "click", "selector": "#a"}""").replace("\"title\"", "\"script\": \"x\", \"title\"");

        assertEquals(List.of("program: unknown field 'script' is not part of the format; remove it"), messages(json));
    }

    @Test
    void wrongJsonTypeIsReported() {
        List<String> messages = messages(withSteps("""
                {"id": "a", "type": "click", "selector": 42, "timeout_ms": "soon"}"""));

        assertEquals(List.of("step 'a': field 'timeout_ms' must be a whole number from 1 to 300000",
                "step 'a': field 'selector' must be a string"), messages);
    }

    @Test
    void timeoutAboveTheCapIsRefused() {
        List<String> messages = messages(withSteps("""
                {"id": "a", "type": "click", "selector": "#a", "timeout_ms": 300001}"""));

        assertEquals(List.of("step 'a': field 'timeout_ms' must be a whole number from 1 to 300000"), messages);
    }

    @Test
    void unknownGateIsRefused() {
        List<String> messages = messages(withSteps("""
                {"id": "a", "type": "click", "selector": "#a", "gate": "maybe"}"""));

        assertEquals(List.of("step 'a': field 'gate' must be one of: financial, account, irreversible, api_key,"
                + " billing, script_review"), messages);
    }

    @Test
    void overlongSelectorIsRefused() {
        String selector = "#" + "a".repeat(ProgramLimits.MAX_SELECTOR);
        List<String> messages = messages(withSteps("""
                {"id": "a", "type": "click", "selector": "%s"}""".formatted(selector)));

        assertEquals(List.of("step 'a': field 'selector' is longer than 1000 characters"), messages);
    }

    @Test
    void moreThanFiveHundredStepsAreRefused() {
        String[] steps = IntStream.range(0, 501)
                .mapToObj(i -> "{\"id\": \"s" + i + "\", \"type\": \"click\", \"selector\": \"#a\"}")
                .toArray(String[]::new);

        assertEquals(List.of("program: field 'steps' has 501 steps; the limit is 500; split the program"),
                messages(withSteps(steps)));
    }

    @Test
    void exactlyFiveHundredStepsAreAccepted() {
        String[] steps = IntStream.range(0, 500)
                .mapToObj(i -> "{\"id\": \"s" + i + "\", \"type\": \"click\", \"selector\": \"#a\"}")
                .toArray(String[]::new);

        assertTrue(validate(withSteps(steps)).valid());
    }

    @Test
    void emptyStepListIsRefused() {
        assertEquals(List.of("program: field 'steps' must list at least one step"), messages(withSteps()));
    }

    @Test
    void extractIntoBothOutputAndSecretIsRefused() {
        List<String> messages = messages(withSteps("""
                {"id": "x", "type": "extract", "selector": "#k", "into": {"output": "a", "secret": "b"}}"""));

        assertEquals(List.of("step 'x': field 'into' must name exactly one of 'output' and 'secret'"), messages);
    }

    @Test
    void unknownFieldInsideIntoIsNamedWithItsPath() {
        List<String> messages = messages(withSteps("""
                {"id": "x", "type": "extract", "selector": "#k", "into": {"output": "a", "vault": "b"}}"""));

        assertEquals(List.of("step 'x': unknown field 'into.vault' is not part of the format; remove it"), messages);
    }

    @Test
    void repeatedJsonKeyIsRefused() {
        String json = withSteps("""
                {"id": "a", "type": "click", "selector": "#a", "selector": "#b"}""");

        List<String> messages = messages(json);

        assertEquals(1, messages.size());
        assertTrue(messages.getFirst().startsWith("program: the same field appears twice in one object"),
                messages.getFirst());
    }

    @Test
    void brokenJsonIsReportedWithoutQuotingTheText() {
        String leaked = "sk-proj-4f9Kq2ZrT8vLw3Xy7PbN5mHd";
        String json = "{\"title\": \"x\", " + leaked + "}";

        List<String> messages = messages(json);

        assertEquals(1, messages.size());
        assertTrue(messages.getFirst().startsWith("program: the text is not valid JSON (line 1, column"),
                messages.getFirst());
        assertFalse(messages.getFirst().contains("sk-"), messages.getFirst());
    }

    @Test
    void laterFormatVersionIsRefusedBeforeReadingSteps() {
        String json = withSteps("""
                {"id": "a", "type": "teleport"}""").replace("\"format_version\": 1", "\"format_version\": 2");

        assertEquals(List.of("program: field 'format_version' is 2; this version of Keyward reads format version 1 only"),
                messages(json));
    }

    @Test
    void envelopeFieldsAreRequired() {
        String json = """
                {"steps": [{"id": "a", "type": "click", "selector": "#a"}], "allowed_domains": ["example.com"]}""";

        assertEquals(List.of("program: field 'format' is required", "program: field 'format_version' is required",
                "program: field 'title' is required", "program: field 'provider' is required",
                "program: field 'task_type' is required"), messages(json));
    }

    @Test
    void programThatIsNotAnObjectIsRefused() {
        assertEquals(List.of("program: the program must be a JSON object"), messages("[1, 2]"));
        assertEquals(List.of("program: the program is empty"), messages("  "));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"steps\": \"click everything\"",
        "\"steps\": [42]",
        "\"steps\": [{\"id\": 5, \"type\": \"click\", \"selector\": \"#a\"}]",
        "\"steps\": [{\"id\": \"a\", \"type\": 5}]",
        "\"steps\": [{\"id\": \"a\", \"type\": \"extract\", \"selector\": \"#a\", \"into\": \"out\"}]",
        "\"steps\": [{\"id\": \"a\", \"type\": \"extract\", \"selector\": \"#a\", \"into\": {\"output\": 5}}]",
        "\"steps\": [{\"id\": \"a\", \"type\": \"click\", \"selector\": null}]",
        "\"inputs\": {\"x\": \"plain\"}, \"steps\": [{\"id\": \"a\", \"type\": \"click\", \"selector\": \"#a\"}]",
        "\"inputs\": [], \"steps\": [{\"id\": \"a\", \"type\": \"click\", \"selector\": \"#a\"}]",
        "\"allowed_domains\": [1], \"steps\": [{\"id\": \"a\", \"type\": \"click\", \"selector\": \"#a\"}]",
        "\"allowed_domains\": \"example.com\", \"steps\": [{\"id\": \"a\", \"type\": \"click\", \"selector\": \"#a\"}]",
        "\"format_version\": 1.5, \"steps\": [{\"id\": \"a\", \"type\": \"click\", \"selector\": \"#a\"}]",
        "\"format_version\": 99999999999, \"steps\": [{\"id\": \"a\", \"type\": \"click\", \"selector\": \"#a\"}]"
    })
    void oddShapesAreReportedNotThrown(String fields) {
        String json = "{\"format\": \"keyward.step-program\", \"format_version\": 1, \"title\": \"t\","
                + " \"provider\": \"p\", \"task_type\": \"custom\", \"allowed_domains\": [\"example.com\"], "
                + fields + "}";
        for (String overridden : List.of("\"format_version\": 1, ", "\"allowed_domains\": [\"example.com\"], ")) {
            if (fields.contains(overridden.substring(0, overridden.indexOf(':')))) {
                json = json.replaceFirst(Pattern.quote(overridden), "");
            }
        }

        ParsedProgram parsed = validate(json);

        assertEquals(1, parsed.problems().size(), () -> parsed.problems().toString());
        assertTrue(parsed.problems().getFirst().message().matches("(program|step '?#?[a-z0-9]*'?): .+"),
                parsed.problems().getFirst().message());
    }

    @Test
    void otherFormatIsRefused() {
        String json = withSteps("""
                {"id": "a", "type": "click", "selector": "#a"}""").replace("keyward.step-program", "playwright.script");

        assertEquals(List.of("program: field 'format' must be \"keyward.step-program\""), messages(json));
    }

    @Test
    void allowedDomainsDefaultToTheCallersProviderDomains() {
        String json = withSteps("""
                {"id": "a", "type": "goto", "url": "https://dashboard.example.org/usage"}""")
                .replace("\"allowed_domains\": [\"example.com\"],", "");

        StepProgram program = new StepProgramValidator().requireValid(json, List.of("example.org"));

        assertEquals(List.of("example.org"), program.allowedDomains());
    }

    @Test
    void missingAllowedDomainsWithoutProviderDefaultIsRefused() {
        String json = withSteps("""
                {"id": "a", "type": "click", "selector": "#a"}""").replace("\"allowed_domains\": [\"example.com\"],", "");

        assertEquals(List.of("program: field 'allowed_domains' is missing and the provider has no domain to default to;"
                + " list the domains the program may open"), messages(json));
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() {
        List<String> messages = messages(withSteps("""
                {"id": "a", "type": "click"}""", """
                {"id": "b", "type": "fill", "selector": "#x"}""", """
                {"id": "c", "type": "screenshot"}"""));

        assertEquals(List.of("step 'a': field 'selector' is required", "step 'b': field 'value' is required",
                "step 'c': field 'name' is required"), messages);
    }

    @Test
    void invalidProgramThrowsWithEveryProblemListed() {
        InvalidStepProgramException thrown = assertThrows(InvalidStepProgramException.class,
                () -> validate(withSteps("""
                        {"id": "a", "type": "click"}""", """
                        {"id": "b", "type": "click"}""")).orThrow());

        assertEquals(2, thrown.problems().size());
        assertTrue(thrown.getMessage().contains("step 'a': field 'selector' is required"), thrown.getMessage());
    }

    @Test
    void parserAloneLeavesSemanticRulesToTheValidator() {
        String json = withSteps("""
                {"id": "a", "type": "click", "selector": "#a"}""", """
                {"id": "a", "type": "click", "selector": "#b"}""");

        ParsedProgram parsed = new StepProgramParser().parse(json, List.of());

        assertTrue(parsed.valid(), () -> parsed.problems().stream().map(ValidationProblem::message)
                .collect(Collectors.joining("; ")));
        assertFalse(validate(json).valid());
    }
}
