package dev.keyward.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.Main;
import dev.keyward.vault.crypto.Argon2Params;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class CommandTreeTest {

    @Test
    void everyGroupIsCalledByTheNameItsClassDeclares() {
        for (CommandTree.Group group : CommandTree.GROUPS) {
            assertEquals(group.name(), group.type().getAnnotation(Command.class).name(), group.type().getName());
        }
    }

    @Test
    void aCallBuildsOnlyTheGroupItNamesAfterTheGlobalOptions() {
        KeywardCommand root = new KeywardCommand(null, Argon2Params.FLOOR);
        CommandLine cli = CommandTree.build(root, new String[] {"--data-dir", "/x", "--profile=p", "secret", "list"});
        assertEquals(List.of("secret"), List.copyOf(cli.getSubcommands().keySet()));
        assertTrue(cli.getSubcommands().get("secret").getSubcommands().containsKey("list"));
    }

    @Test
    void helpAndUnknownNamesGetEveryGroupInHelpOrder() {
        List<String> all = CommandTree.GROUPS.stream().map(CommandTree.Group::name).toList();
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"secrte", "list"}, new String[] {})) {
            KeywardCommand root = new KeywardCommand(null, Argon2Params.FLOOR);
            assertEquals(all, List.copyOf(CommandTree.build(root, args).getSubcommands().keySet()));
        }
        assertNull(CommandTree.namedGroup(new String[] {"--data-dir"}));
    }

    @Test
    void helpListsEveryGroupAndVersionPrintsTheVersionLine() {
        String help = run("--help");
        for (CommandTree.Group group : CommandTree.GROUPS) {
            assertTrue(help.contains("  " + group.name() + " "), group.name() + " in: " + help);
        }
        assertEquals(new Version().getVersion()[0] + System.lineSeparator(), run("--version"));
        assertEquals(new Version().getVersion()[0] + System.lineSeparator(), run("-V"));
    }

    @Test
    void everyCommandAndSubcommandAnswersHelp() {
        KeywardCommand root = new KeywardCommand(null, Argon2Params.FLOOR);
        CommandLine all = CommandTree.build(root, new String[0]);
        for (CommandLine group : all.getSubcommands().values()) {
            String name = group.getCommandName();
            assertTrue(run(name, "--help").startsWith("Usage: keyward " + name), name);
            for (String sub : group.getSubcommands().keySet()) {
                assertTrue(run(name, sub, "--help").startsWith("Usage: keyward " + name + " " + sub), name + " " + sub);
            }
        }
    }

    @Test
    void aMistypedGroupIsStillAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"secrt"}, new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), null, Argon2Params.FLOOR);
        assertEquals(ErrorReport.USAGE, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Unmatched argument at index 0: 'secrt'"),
                err.toString(StandardCharsets.UTF_8));
    }

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), null, Argon2Params.FLOOR);
        assertEquals(0, code, () -> String.join(" ", args) + ": " + err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
