package dev.keyward.app.agent;

import dev.keyward.app.cli.CommandTree;
import dev.keyward.app.cli.KeywardCommand;
import dev.keyward.app.cli.Terminal;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * What a request's command is ({@link CommandAccess}), read by parsing it with the command line's own
 * picocli tree without running it, and what it is about (its project and secret names, for the person
 * asked). Another profile or data folder, or a command the agent does not run, is {@code DIRECT}.
 */
final class CommandClassifier {

    /** What the command is, for whom, and on which project and secrets. */
    record Classified(CommandAccess.Kind kind, Optional<String> project, List<String> secretNames) {
        static Classified direct() {
            return new Classified(CommandAccess.Kind.DIRECT, Optional.empty(), List.of());
        }
    }

    private final AgentServer server;
    private final AgentConnection connection;

    CommandClassifier(AgentServer server, AgentConnection connection) {
        this.server = server;
        this.connection = connection;
    }

    Classified classify(String[] args, Terminal terminal, Path cwd, ServedSession served) {
        KeywardCommand probe = new KeywardCommand(terminal, server.kdfParams(), new LentSessions(server, connection),
                new ExecCapture(), cwd);
        ParseResult parsed;
        try {
            parsed = CommandTree.build(probe, args).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            return Classified.direct(); // the client prints the same usage error itself, without a password
        }
        StringBuilder name = new StringBuilder();
        Set<String> options = new HashSet<>();
        boolean help = parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested();
        ParseResult leaf = parsed;
        for (ParseResult level = parsed.subcommand(); level != null; level = level.subcommand()) {
            name.append(name.isEmpty() ? "" : " ").append(level.commandSpec().name());
            level.matchedOptions().forEach(option -> options.addAll(List.of(option.names())));
            help |= level.isUsageHelpRequested() || level.isVersionHelpRequested();
            leaf = level;
        }
        if (help) {
            return new Classified(CommandAccess.Kind.LIST, Optional.empty(), List.of());
        }
        CommandAccess.Kind kind = CommandAccess.of(name.toString(), options);
        if (kind == CommandAccess.Kind.DIRECT) {
            return Classified.direct();
        }
        try {
            if (!probe.root().path().equals(server.dataRoot())
                    || !probe.selectedProfile().id().equals(served.session().profileId())) {
                return Classified.direct(); // another profile or data folder: not this agent's to serve
            }
        } catch (RuntimeException e) {
            return Classified.direct(); // no such profile, or a damaged one: the direct path says so
        }
        // What the request is about, for the person asked: `--project P`, or the positional names of
        // `secret NAME ...` and `project P [SECRET]` (project link's second name is the secret).
        List<String> names = leaf.matchedPositionals().stream()
                .map(p -> Objects.toString((Object) p.getValue())).toList();
        Optional<String> project = Optional.ofNullable(leaf.matchedOptionValue("--project", (String) null));
        List<String> secrets = List.of();
        if (name.toString().startsWith("secret ") && !names.isEmpty()) {
            secrets = List.of(names.get(0));
        } else if (name.toString().equals("read") && !names.isEmpty()) {
            // The reference names what is read: the person (or a headless agent's scope) sees it.
            try {
                switch (dev.keyward.vault.refs.Reference.parse(names.get(0))) {
                    case dev.keyward.vault.refs.Reference.ProjectVariable v -> project = Optional.of(v.project());
                    case dev.keyward.vault.refs.Reference.Secret s -> secrets = List.of(s.name());
                }
            } catch (dev.keyward.vault.refs.ReferenceSyntaxException e) {
                // The command refuses it with the same sentence; nothing is read.
            }
        } else if (name.toString().startsWith("project ") && !names.isEmpty()) {
            project = project.or(() -> Optional.of(names.get(0)));
            secrets = name.toString().equals("project link") && names.size() > 1 ? List.of(names.get(1)) : List.of();
        }
        if (options.contains("--env-file")) {
            // The file may name any secret: the request is not bounded by its --project, so it names none
            // (a headless agent's project scope refuses it; the person asked sees the file in the command).
            project = Optional.empty();
            secrets = List.of();
        }
        return new Classified(kind, project, secrets);
    }
}
