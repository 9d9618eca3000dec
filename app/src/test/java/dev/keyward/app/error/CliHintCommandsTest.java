package dev.keyward.app.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.cli.CliCommandCheck;
import dev.keyward.vault.Remedy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CliHintCommandsTest {

    @Test
    void everyCommandACliHintNamesExistsWithItsOptions() {
        List<String> problems = new ArrayList<>();
        int named = 0;
        for (Remedy remedy : Remedy.values()) {
            String hint = CliHints.hint(remedy, ErrorWordingTest.everyFact());
            for (String command : CliCommandCheck.named(hint)) {
                named++;
                problems.addAll(CliCommandCheck.problems(command));
            }
            for (String option : CliCommandCheck.loneOptions(hint)) {
                named++;
                problems.addAll(CliCommandCheck.problemsOfGlobalOption(option));
            }
        }
        assertTrue(named > 20, "the hints name commands: " + named);
        assertEquals(List.of(), problems);
    }

    @Test
    void theCheckFindsACommandThatDoesNotExist() {
        assertFalse(CliCommandCheck.problems("secret frobnicate NAME").isEmpty());
        assertFalse(CliCommandCheck.problems("secrets list").isEmpty());
        assertFalse(CliCommandCheck.problems("secret add NAME --no-such-option X").isEmpty());
        assertEquals(List.of(), CliCommandCheck.problems("secret add NAME --provider SLUG"));
        assertEquals(List.of(), CliCommandCheck.problems("recommend PATH --project shop"));
    }
}
