package dev.keyward.app.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.cli.CliCommandCheck;
import dev.keyward.app.cli.DocCommands;
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
        // Global options before the command are read as such, and the command after them is still checked.
        assertEquals(List.of("--data-dir DIR secrte list", "--help"),
                CliCommandCheck.named("'keyward --data-dir DIR secrte list' or 'keyward --help'"));
        assertFalse(CliCommandCheck.problems("--data-dir DIR secrte list").isEmpty());
        assertFalse(CliCommandCheck.problems("--no-such-global secret list").isEmpty());
        assertEquals(List.of(), CliCommandCheck.problems("--data-dir DIR script list"));
        assertEquals(List.of(), CliCommandCheck.problems("--profile=work secret list"));
        assertEquals(List.of(), CliCommandCheck.problems("--help"));
        // Usage notation: alternatives, optional parts, repeats, a child's command line after "--", --no-agent.
        assertEquals(List.of(), CliCommandCheck.problems("agent status|stop"));
        assertFalse(CliCommandCheck.problems("agent status|frobnicate").isEmpty());
        assertEquals(List.of(), CliCommandCheck.problems("script run ID [--input NAME=VALUE]... [--headed]"));
        assertFalse(CliCommandCheck.problems("script list [--no-such-option]").isEmpty());
        assertEquals(List.of(), CliCommandCheck.problems("run --project shop -- npm start --port 3000"));
        assertEquals(List.of(), CliCommandCheck.problems("--no-agent secret list"));
        assertEquals(List.of("secret get k", "run --project p -- env"), DocCommands.in(
                "Use `keyward secret get k | wc -c`.\n```\n$ ./keyward run --project p -- env   # prints it\nls\n```\n"));
    }
}
