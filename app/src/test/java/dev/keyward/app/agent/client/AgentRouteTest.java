package dev.keyward.app.agent.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which commands the client offers to the agent, and what it sends, from the arguments alone. */
class AgentRouteTest {

    private static AgentRoute route(String... args) {
        return AgentRoute.of(args);
    }

    @Test
    void commandsThatUseAnUnlockedProfileAreOfferedToTheAgent() {
        assertTrue(route("secret", "get", "A").useAgent());
        assertTrue(route("run", "--project", "p", "--", "npm", "start").useAgent());
        assertTrue(route("--profile", "work", "env", "export", "--project", "p").useAgent());
        assertTrue(route("secret", "get", "A", "--version", "2").useAgent(), "--version of a secret is not Keyward's");
        assertTrue(route("read", "keyward://secrets/A").useAgent());
        assertTrue(route("inject", "-i", "t.tpl", "-o", "t").useAgent());
        assertTrue(route("adopt", ".", "--yes").useAgent());
    }

    @Test
    void helpVersionPasswordStdinAndCommandsWithoutAProfileRunDirectly() {
        for (String[] args : List.of(new String[] {}, new String[] {"--version"}, new String[] {"-V"},
                new String[] {"--help"}, new String[] {"secret", "get", "--help"}, new String[] {"secret", "-h"},
                new String[] {"--no-agent", "secret", "get", "A"}, new String[] {"secret", "get", "A", "--no-agent"},
                new String[] {"run", "--password-stdin", "--project", "p", "--", "x"},
                new String[] {"profile", "create", "work"}, new String[] {"reflib", "search", "x"},
                new String[] {"demo"}, new String[] {"practice", "start"}, new String[] {"agent", "status"},
                new String[] {"lock"}, new String[] {"secrte", "get"}, new String[] {"@args.txt"},
                new String[] {"--data-dir", "/tmp/x"})) {
            assertFalse(route(args).useAgent(), String.join(" ", args));
        }
    }

    @Test
    void optionsAfterTheSeparatorBelongToTheProgramAndAreKept() {
        AgentRoute route = route("run", "--project", "p", "--", "tool", "--help", "--no-agent", "--password-stdin");
        assertTrue(route.useAgent());
        assertEquals(List.of("run", "--project", "p", "--", "tool", "--help", "--no-agent", "--password-stdin"),
                route.agentArgv());
    }

    @Test
    void dataDirAndProfileAreReadInBothSpellings() {
        AgentRoute spaced = route("--data-dir", "/srv/kw", "--profile", "work", "secret", "list");
        assertEquals(Optional.of(Path.of("/srv/kw")), spaced.dataDir());
        assertEquals(Optional.of("work"), spaced.profile());
        AgentRoute joined = route("--data-dir=/srv/kw", "--profile=work", "secret", "list");
        assertEquals(Optional.of(Path.of("/srv/kw")), joined.dataDir());
        assertEquals(Optional.of("work"), joined.profile());
        assertEquals(List.of("--data-dir=/srv/kw", "--profile=work", "secret", "list"), joined.agentArgv());
    }

    @Test
    void theDirectPathsParserNeverSeesNoAgent() {
        assertArrayEquals(new String[] {"secret", "get", "A"}, AgentRoute.withoutNoAgent(new String[] {"--no-agent", "secret", "get", "A"}));
        assertArrayEquals(new String[] {"run", "--project", "p", "--", "x", "--no-agent"},
                AgentRoute.withoutNoAgent(new String[] {"run", "--no-agent", "--project", "p", "--", "x", "--no-agent"}));
    }
}
