package dev.keyward.app.ui.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Scan page's one summary line stays short however many .env files could not be read. */
class FindingGroupsSummaryTest {

    @Test
    void theFirstFewUnreadableEnvFilesAreNamedAndTheRestCounted() {
        List<String> five = List.of("a/.env, line 1: x.", "b/.env, line 2: y.", "c/.env, line 3: z.", "d/.env, line 4: w.",
                "e/.env, line 5: v.");
        assertEquals(" a/.env, line 1: x. b/.env, line 2: y. c/.env, line 3: z. 2 more .env files could not be read.",
                FindingGroups.problems(five));
        assertEquals(" a/.env, line 1: x. b/.env, line 2: y. c/.env, line 3: z.", FindingGroups.problems(five.subList(0, 3)));
        assertEquals("", FindingGroups.problems(List.of()));
    }
}
