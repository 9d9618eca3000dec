package dev.keyward.automation.program;

import static dev.keyward.automation.program.ProgramJson.messages;
import static dev.keyward.automation.program.ProgramJson.validate;
import static dev.keyward.automation.program.ProgramJson.withSteps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StepProgramValidatorTest {

    private static final String OPENAI_STYLE_KEY = "sk-proj-Q8v2LmT4xZ9rW1pK7nB3cY6d";

    @Test
    void duplicateStepIdIsRefusedNamingBothSteps() {
        List<String> messages = messages(withSteps("""
                {"id": "login", "type": "click", "selector": "#a"}""", """
                {"id": "next", "type": "click", "selector": "#b"}""", """
                {"id": "login", "type": "click", "selector": "#c"}"""));

        assertEquals(List.of("step 'login': field 'id' repeats the id of step #1; every step needs its own id"),
                messages);
    }

    @Test
    void stepIdOutsideTheAllowedCharactersIsRefusedByPosition() {
        List<String> messages = messages(withSteps("""
                {"id": "Log In", "type": "click", "selector": "#a"}"""));

        assertEquals(List.of("step #1: field 'id' must be 1 to 64 characters of a-z, 0-9, '_' and '-'"), messages);
    }

    @Test
    void undeclaredInputIsRefused() {
        List<String> messages = messages(withSteps("""
                {"id": "who", "type": "fill", "selector": "#user", "value": "{{input:username}}"}"""));

        assertEquals(List.of("step 'who': field 'value' uses input 'username', which the program does not declare;"
                + " add it under 'inputs'"), messages);
    }

    @Test
    void malformedPlaceholderIsRefused() {
        List<String> messages = messages(withSteps("""
                {"id": "who", "type": "fill", "selector": "#user", "value": "{{ input:base_url }}"}"""));

        assertEquals(List.of("step 'who': field 'value' has a malformed placeholder at position 0;"
                + " write {{secret:NAME}}, {{input:NAME}} or {{provider.FIELD}}"), messages);
    }

    @Test
    void unknownProviderFieldIsAMalformedPlaceholder() {
        List<String> messages = messages(withSteps("""
                {"id": "who", "type": "fill", "selector": "#user", "value": "{{provider.password}}"}"""));

        assertEquals(1, messages.size());
        assertTrue(messages.getFirst().startsWith("step 'who': field 'value' has a malformed placeholder"));
    }

    @Test
    void secretInAGotoUrlIsRefused() {
        List<String> messages = messages(withSteps("""
                {"id": "open", "type": "goto", "url": "https://example.com/login?token={{secret:example-token}}"}"""));

        assertEquals(List.of("step 'open': field 'url' refers to secret 'example-token', but secrets may only appear"
                + " in fill values"), messages);
    }

    @Test
    void secretInASelectorIsRefused() {
        List<String> messages = messages(withSteps("""
                {"id": "pick", "type": "click", "selector": "text={{secret:example-password}}"}"""));

        assertEquals(List.of("step 'pick': field 'selector' refers to secret 'example-password', but secrets may only"
                + " appear in fill values"), messages);
    }

    @Test
    void secretInASelectValueIsRefused() {
        List<String> messages = messages(withSteps("""
                {"id": "pick", "type": "select", "selector": "#plan", "value": "{{secret:example-password}}"}"""));

        assertEquals(1, messages.size());
        assertTrue(messages.getFirst().startsWith("step 'pick': field 'value' refers to secret"));
    }

    @Test
    void secretInAFillValueIsAccepted() {
        assertTrue(validate(withSteps("""
                {"id": "pass", "type": "fill", "selector": "#password", "value": "{{secret:example-password}}"}"""))
                .valid());
    }

    @Test
    void credentialLiteralInAFillValueIsRefusedWithoutRepeatingIt() {
        List<String> messages = messages(withSteps("""
                {"id": "paste-key", "type": "fill", "selector": "#api-input", "value": "%s"}""".formatted(OPENAI_STYLE_KEY)));

        assertEquals(List.of("step 'paste-key': field 'value' looks like it holds a real credential (it has the shape"
                + " of a known API key or token format); store the value in the vault and write {{secret:NAME}} in a"
                + " fill value instead"), messages);
        assertFalse(String.join(" ", messages).contains(OPENAI_STYLE_KEY.substring(3)));
    }

    @Test
    void credentialLiteralInTheTitleIsRefused() {
        String json = withSteps("""
                {"id": "a", "type": "click", "selector": "#a"}""")
                .replace("Test program", "Use ghp_R4nd0mT0k3nV4lu3XyZ12345abcd");

        assertEquals(1, messages(json).size());
        assertTrue(messages(json).getFirst().startsWith("program: field 'title' looks like it holds a real credential"));
    }

    @Test
    void credentialLiteralAsAnInputDefaultIsRefused() {
        String json = withSteps("""
                {"id": "a", "type": "click", "selector": "#a"}""")
                .replace("{\"default\": \"50\"}", "{\"default\": \"AKIAIOSFODNN7EXAMPLE\"}");

        assertEquals(List.of("program: field 'inputs.cap.default' looks like it holds a real credential (it has the"
                + " shape of a known API key or token format); store the value in the vault and write {{secret:NAME}}"
                + " in a fill value instead"), messages(json));
    }

    @Test
    void literalTextInAPasswordFieldIsRefused() {
        List<String> messages = messages(withSteps("""
                {"id": "pass", "type": "fill", "selector": "input[type=password]", "value": "hunter2"}"""));

        assertEquals(List.of("step 'pass': field 'value' fills a password or key field with literal text;"
                + " keep the value in the vault and write {{secret:NAME}}"), messages);
    }

    @Test
    void gotoOutsideTheAllowedDomainsIsRefused() {
        List<String> messages = messages(withSteps("""
                {"id": "away", "type": "goto", "url": "https://example.com.attacker.net/login"}"""));

        assertEquals(List.of("step 'away': field 'url' opens host 'example.com.attacker.net', which is not in"
                + " allowed_domains [example.com]"), messages);
    }

    @Test
    void gotoToASubdomainOfAnAllowedDomainIsAccepted() {
        assertTrue(validate(withSteps("""
                {"id": "in", "type": "goto", "url": "https://dashboard.example.com:8443/usage?month=1"}""")).valid());
    }

    @Test
    void gotoWithAnotherSchemeIsRefused() {
        List<String> messages = messages(withSteps("""
                {"id": "js", "type": "goto", "url": "javascript:alert(1)"}"""));

        assertEquals(List.of("step 'js': field 'url' must be an absolute http(s) URL"), messages);
    }

    @Test
    void relativeGotoIsRefused() {
        List<String> messages = messages(withSteps("""
                {"id": "rel", "type": "goto", "url": "/dashboard"}"""));

        assertEquals(List.of("step 'rel': field 'url' must be an absolute http(s) URL"), messages);
    }

    @Test
    void gotoThroughUserInfoIsRefused() {
        List<String> messages = messages(withSteps("""
                {"id": "trick", "type": "goto", "url": "https://example.com@attacker.net/"}"""));

        assertEquals(List.of("step 'trick': field 'url' must not carry a user name before the host (user@host);"
                + " remove it"), messages);
    }

    @Test
    void gotoStartingWithAnInputIsLeftToTheRunner() {
        assertTrue(validate(withSteps("""
                {"id": "open", "type": "goto", "url": "{{input:base_url}}/login"}""")).valid());
    }

    @Test
    void gotoWithALiteralHostIsCheckedEvenWhenThePathHasPlaceholders() {
        List<String> messages = messages(withSteps("""
                {"id": "open", "type": "goto", "url": "https://elsewhere.net/cap/{{input:cap}}"}"""));

        assertEquals(List.of("step 'open': field 'url' opens host 'elsewhere.net', which is not in allowed_domains"
                + " [example.com]"), messages);
    }

    @Test
    void gotoWhoseInputDefaultLeavesTheDomainsIsRefused() {
        String json = withSteps("""
                {"id": "open", "type": "goto", "url": "{{input:cap}}/billing"}""")
                .replace("{\"default\": \"50\"}", "{\"default\": \"https://elsewhere.net\"}");

        assertEquals(List.of("step 'open': field 'url' opens host 'elsewhere.net', which is not in allowed_domains"
                + " [example.com]"), messages(json));
    }

    @Test
    void waitForNeedsExactlyOneOfSelectorAndUrl() {
        List<String> messages = messages(withSteps("""
                {"id": "both", "type": "wait_for", "selector": "#a", "url": "**/x"}""", """
                {"id": "none", "type": "wait_for"}"""));

        assertEquals(List.of(
                "step 'both': field 'selector' or 'url' is needed, but not both: wait for an element or for a URL",
                "step 'none': field 'selector' or 'url' is needed, but not both: wait for an element or for a URL"),
                messages);
    }

    @Test
    void waitStateWithAUrlIsRefused() {
        assertEquals(List.of("step 'w': field 'state' applies to an element; remove it when waiting for a URL"),
                messages(withSteps("""
                        {"id": "w", "type": "wait_for", "url": "**/x", "state": "hidden"}""")));
    }

    @Test
    void expectKindsRequireTheirFields() {
        List<String> messages = messages(withSteps("""
                {"id": "t", "type": "expect", "kind": "text", "selector": "#a"}""", """
                {"id": "v", "type": "expect", "kind": "visible", "selector": "#a", "value": "x"}""", """
                {"id": "u", "type": "expect", "kind": "url", "selector": "#a", "value": "**/x"}"""));

        assertEquals(List.of("step 't': field 'value' is required",
                "step 'v': field 'value' is not used by kind 'visible'; remove it",
                "step 'u': field 'selector' is not used by kind 'url'; remove it"), messages);
    }

    @Test
    void checkpointNeedsADescriptionAndTakesNoGate() {
        List<String> messages = messages(withSteps("""
                {"id": "ask", "type": "checkpoint", "checkpoint_type": "financial", "proposed_action": "Pay",
                 "gate": "financial"}"""));

        assertEquals(List.of("step 'ask': field 'description' is required",
                "step 'ask': field 'gate' is not allowed on a checkpoint step, which is a checkpoint itself"), messages);
    }

    @Test
    void totpTakesASecretNameNotAPlaceholder() {
        List<String> messages = messages(withSteps("""
                {"id": "otp", "type": "totp", "selector": "#code", "secret": "{{secret:example-totp}}"}"""));

        assertEquals(List.of("step 'otp': field 'secret' takes the secret's name, not a placeholder:"
                + " write \"secret\": \"NAME\""), messages);
    }

    @Test
    void totpDigitsAreSixOrEight() {
        assertEquals(List.of("step 'otp': field 'digits' must be 6 or 8"), messages(withSteps("""
                {"id": "otp", "type": "totp", "selector": "#code", "secret": "example-totp", "digits": 7}""")));
    }

    @Test
    void namesFollowTheirFormats() {
        List<String> messages = messages(withSteps("""
                {"id": "shot", "type": "screenshot", "name": "After Login"}""", """
                {"id": "out", "type": "extract", "selector": "#a", "into": {"output": "Requests"}}""", """
                {"id": "key", "type": "press", "key": "Enter Enter"}"""));

        assertEquals(List.of("step 'shot': field 'name' must be 1 to 64 characters of a-z, 0-9, '_' and '-'",
                "step 'out': field 'into.output' must be lower case letters, digits and '_', starting with a letter",
                "step 'key': field 'key' must be a key name such as Enter, Tab or Control+A"), messages);
    }

    @Test
    void allowedDomainWithSchemeOrPortIsRefused() {
        String json = withSteps("""
                {"id": "a", "type": "click", "selector": "#a"}""")
                .replace("[\"example.com\"]", "[\"example.com\", \"https://example.org\", \"localhost:8080\"]");

        assertEquals(List.of(
                "program: field 'allowed_domains' entry #2 is not a lower-case domain name, IPv4 address or localhost"
                        + " (write a host only: no scheme, port, path or wildcard)",
                "program: field 'allowed_domains' entry #3 is not a lower-case domain name, IPv4 address or localhost"
                        + " (write a host only: no scheme, port, path or wildcard)"), messages(json));
    }

    @Test
    void providerMustBeASlug() {
        String json = withSteps("""
                {"id": "a", "type": "click", "selector": "#a"}""").replace("\"example\"", "\"Example Inc\"");

        assertEquals(List.of("program: field 'provider' must be a provider slug: lower case letters, digits and '-'"),
                messages(json));
    }

    @Test
    void programBuiltInCodeIsValidatedByTheSameRules() {
        StepProgram program = new StepProgram(StepProgram.FORMAT, 1, "Built", null, "example", TaskType.CUSTOM,
                List.of("example.com"), List.of(), List.of(
                        new Step.Click(StepHeader.of("go"), null),
                        new Step.Goto(StepHeader.of("go"), "https://other.net/")));

        List<String> messages = new StepProgramValidator().validate(program).stream()
                .map(ValidationProblem::message).toList();

        assertEquals(List.of("step 'go': field 'selector' is required",
                "step 'go': field 'id' repeats the id of step #1; every step needs its own id",
                "step 'go': field 'url' opens host 'other.net', which is not in allowed_domains [example.com]"),
                messages);
    }
}
