package dev.keyward.automation.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Problem messages repeat ids, names and hosts from the program, except those that look like a
 * credential (found by fuzzing: a key pasted as a step id, a field name, a secret name or a host name
 * was quoted back).
 */
class ProblemMessageEchoTest {

    private static final String KEY = "sk-abcdefghijklmnopqrstuvwx";
    private static final String HEX_ID = "3f9c2e81b7d4f6a9c0e2b4d6f8a1c3e5";

    private static void assertNoneQuotes(List<String> messages, String literal) {
        assertFalse(messages.isEmpty(), "the program is refused");
        for (String message : messages) {
            assertFalse(message.contains(literal), message);
        }
    }

    @Test
    void aStepIdThatLooksLikeAKeyIsNamedByPosition() {
        List<String> messages = ProgramJson.messages(ProgramJson.withSteps(
                "{\"id\": \"" + HEX_ID + "\", \"type\": \"click\"}"));

        assertNoneQuotes(messages, HEX_ID);
        assertEquals(List.of("step #1: field 'selector' is required"), messages);
    }

    @Test
    void anUnknownFieldNamedLikeAKeyIsNotQuoted() {
        List<ValidationProblem> problems = ProgramJson.validate(ProgramJson.withSteps(
                "{\"id\": \"s1\", \"type\": \"click\", \"selector\": \"#a\", \"" + KEY + "\": 1}")).problems();

        assertNoneQuotes(problems.stream().map(ValidationProblem::message).toList(), KEY);
        assertEquals("step 's1': unknown field with an odd name is not part of the format; remove it",
                problems.getFirst().message());
        assertEquals(null, problems.getFirst().field(), "nor kept as the problem's field");
    }

    @Test
    void aSecretNameThatLooksLikeAKeyIsNotQuoted() {
        List<String> messages = ProgramJson.messages(ProgramJson.withSteps(
                "{\"id\": \"s1\", \"type\": \"click\", \"selector\": \"{{secret:" + KEY + "}}\"}"));

        assertNoneQuotes(messages, KEY);
        assertTrue(messages.getFirst().contains("secrets may only appear in fill values"), messages.getFirst());
    }

    @Test
    void aHostThatLooksLikeAKeyIsNotQuoted() {
        List<String> messages = ProgramJson.messages(ProgramJson.withSteps(
                "{\"id\": \"s1\", \"type\": \"goto\", \"url\": \"https://" + KEY + ".example.org/\"}"));

        assertNoneQuotes(messages, KEY);
        assertTrue(messages.stream().anyMatch(m -> m.contains("which is not in allowed_domains [example.com]")),
                String.join("\n", messages));
    }

    @Test
    void plainNamesAreStillQuoted() {
        List<String> messages = ProgramJson.messages(ProgramJson.withSteps(
                "{\"id\": \"open-home\", \"type\": \"goto\", \"url\": \"https://other.org/\"}"));

        assertEquals(List.of("step 'open-home': field 'url' opens host 'other.org', which is not in allowed_domains"
                + " [example.com]"), messages);
    }
}
