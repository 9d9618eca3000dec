package dev.keyward.app.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keyward.app.agent.CommandAccess.Kind;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which commands the agent serves, and which ask a person first. */
class CommandAccessTest {

    @Test
    void listingNamesAndProvidersNeedsNoApproval() {
        for (String command : Set.of("secret list", "secret history", "project list", "project show", "provider list")) {
            assertEquals(Kind.LIST, CommandAccess.of(command, Set.of()), command);
        }
    }

    @Test
    void readingValuesRevealsAndWritingChanges() {
        assertEquals(Kind.REVEAL, CommandAccess.of("secret get", Set.of()));
        assertEquals(Kind.REVEAL, CommandAccess.of("run", Set.of("--project")));
        assertEquals(Kind.REVEAL, CommandAccess.of("env export", Set.of("--project")));
        assertEquals(Kind.CHANGE, CommandAccess.of("secret add", Set.of("--value-stdin")));
        assertEquals(Kind.CHANGE, CommandAccess.of("secret rm", Set.of("--yes")));
        assertEquals(Kind.CHANGE, CommandAccess.of("env import", Set.of("--project")));
        assertEquals(Kind.REVEAL, CommandAccess.of("read", Set.of()));
        assertEquals(Kind.REVEAL, CommandAccess.of("inject", Set.of("-i", "-o")));
        assertEquals(Kind.REVEAL, CommandAccess.of("run", Set.of("--env-file", "--watch")));
    }

    @Test
    void commandsThatPromptNeedAPasswordOrAreUnknownRunDirectly() {
        assertEquals(Kind.DIRECT, CommandAccess.of("secret add", Set.of()), "would prompt for the value");
        assertEquals(Kind.DIRECT, CommandAccess.of("secret rm", Set.of()), "would ask for confirmation");
        assertEquals(Kind.DIRECT, CommandAccess.of("secret get", Set.of("--password-stdin")));
        for (String command : Set.of("profile passwd", "profile create", "backup restore", "script run", "agent start",
                "lock", "nonsense")) {
            assertEquals(Kind.DIRECT, CommandAccess.of(command, Set.of()), command);
        }
    }

    @Test
    void aWatchingClientsQuestionForStampsIsAListing() {
        assertEquals(Kind.LIST, CommandAccess.of("run", Set.of("--env-file", "--watch", "--print-stamps")));
        assertEquals(Kind.DIRECT, CommandAccess.of("run", Set.of("--print-stamps", "--password-stdin")));
    }

    @Test
    void aScanComparesEveryValueSoItIsAskedUnlessItUsesKeyFormatsAlone() {
        assertEquals(Kind.REVEAL, CommandAccess.of("scan", Set.of()));
        assertEquals(Kind.REVEAL, CommandAccess.of("scan", Set.of("--format", "--output")));
        assertEquals(Kind.DIRECT, CommandAccess.of("scan", Set.of("--formats-only")));
    }
}
