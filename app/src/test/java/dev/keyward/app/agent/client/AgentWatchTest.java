package dev.keyward.app.agent.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The question a watching client asks the agent: its own command with the hidden stamps option after {@code run}. */
class AgentWatchTest {

    private static AgentRequest request(String... argv) {
        return new AgentRequest(List.of(argv), Path.of("/tmp"), Map.of(), false, false, Optional.empty());
    }

    @Test
    void theStampsOptionGoesAfterTheRunWordPastTheGlobalOptionsAndBeforeTheProgram() {
        assertEquals(List.of("--profile", "run", "run", "--print-stamps", "--watch", "--", "run"),
                AgentWatch.stampsRequest(request("--profile", "run", "run", "--watch", "--", "run")).argv());
        assertEquals(List.of("--data-dir", "/d", "run", "--print-stamps", "--env-file", ".env", "--watch", "--", "x"),
                AgentWatch.stampsRequest(request("--data-dir", "/d", "run", "--env-file", ".env", "--watch", "--", "x")).argv());
    }
}
