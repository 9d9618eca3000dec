package dev.keyward.automation.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The validator refuses card numbers at import, naming the step and field but never repeating the digits. */
class CardNumberLiteralsTest {

    @Test
    void aCardNumberInAFillValueIsRefusedWithoutRepeatingIt() {
        List<String> problems = ProgramJson.messages(ProgramJson.withSteps(
                "{\"id\": \"pay\", \"type\": \"fill\", \"selector\": \"#note\", \"value\": \"4242 4242 4242 4242\"}"));

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.getFirst().startsWith("step 'pay': field 'value' holds what looks like a payment card number"),
                problems.getFirst());
        assertFalse(problems.getFirst().replaceAll("\\D", "").contains("4242424242424242"), problems.getFirst());
    }

    @Test
    void aCardNumberNextToAPlaceholderIsStillSeen() {
        List<String> problems = ProgramJson.messages(ProgramJson.withSteps(
                "{\"id\": \"pay\", \"type\": \"fill\", \"selector\": \"#note\", \"value\": \"{{input:cap}} 5555-5555-5555-4444\"}"));
        assertEquals(1, problems.size(), problems.toString());
    }

    @Test
    void aCardNumberInASelectValueOrAnInputDefaultIsRefused() {
        String json = ProgramJson.withSteps(
                "{\"id\": \"choose\", \"type\": \"select\", \"selector\": \"#s\", \"value\": \"378282246310005\"}")
                .replace("\"cap\": {\"default\": \"50\"}", "\"cap\": {\"default\": \"4000056655665556\"}");
        List<String> problems = ProgramJson.messages(json);

        assertTrue(problems.stream().anyMatch(p -> p.startsWith("step 'choose': field 'value' holds")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("program: field 'inputs.cap.default' holds")),
                problems.toString());
    }

    @Test
    void aCardNumberTypedOneKeyAtATimeIsRefusedAtTheKeyThatCompletesIt() {
        StringBuilder steps = new StringBuilder();
        String digits = "4111111111111111";
        for (int i = 0; i < digits.length(); i++) {
            steps.append(i == 0 ? "" : ",").append("{\"id\": \"k").append(i).append("\", \"type\": \"press\", \"selector\":"
                    + " \"#n\", \"key\": \"").append(digits.charAt(i)).append("\"}");
        }
        List<String> problems = ProgramJson.messages(ProgramJson.withSteps(steps.toString()));

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.getFirst().startsWith("step 'k15': field 'key' completes a payment card number"),
                problems.getFirst());
    }

    @Test
    void numbersThatAreNotCardsPass() {
        List<String> problems = ProgramJson.messages(ProgramJson.withSteps(
                "{\"id\": \"ref\", \"type\": \"fill\", \"selector\": \"#ref\", \"value\": \"1234 5678 9012 3456\"}",
                "{\"id\": \"code\", \"type\": \"fill\", \"selector\": \"#otp-code\", \"value\": \"{{input:cap}}\"}",
                "{\"id\": \"p1\", \"type\": \"press\", \"selector\": \"#n\", \"key\": \"4\"}",
                "{\"id\": \"tab\", \"type\": \"press\", \"selector\": \"#n\", \"key\": \"Tab\"}"));
        assertEquals(List.of(), problems);
    }
}
