package dev.keyward.app.agent;

import dev.keyward.app.cli.CommandTree;
import dev.keyward.app.cli.FileReferences;
import dev.keyward.app.cli.KeywardCommand;
import dev.keyward.app.cli.Terminal;
import dev.keyward.vault.projects.ProjectLink;
import dev.keyward.vault.refs.Reference;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

    /**
     * What the command is, for whom, and on which project and secrets; for a command that resolves a file's
     * references ({@code inject}, {@code run --env-file}), also those references, which bound the approved run.
     */
    record Classified(CommandAccess.Kind kind, Optional<String> project, List<String> secretNames,
                      Optional<Set<Reference>> references) {
        Classified(CommandAccess.Kind kind, Optional<String> project, List<String> secretNames) {
            this(kind, project, secretNames, Optional.empty());
        }

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
        if (name.toString().equals("adopt")) {
            // An adopt may reach past its --project: a `.env.production` goes to project `P.production`, a value is
            // compared with every secret of the vault (its plan names copies of any of them) and a conflict may
            // rotate a secret other projects map too. It names no project here, so no project scope covers it:
            // the person is asked (desktop), and a headless agent limited to projects refuses it.
            return new Classified(kind, Optional.empty(), List.of());
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
        if ((options.contains("--env-file") || name.toString().equals("inject")) && kind != CommandAccess.Kind.LIST) {
            // The file may name any secret: the person (or a headless agent's scope) is shown, by name, every
            // secret its references resolve to, and the run is held to those references. (A watch's stamps
            // question, a listing, reads no value and is left out: it comes every second.)
            Set<Reference> references = fileReferences(leaf, name.toString().equals("inject"), cwd);
            project.ifPresent(p -> links(served, p).forEach(link ->
                    references.add(new Reference.ProjectVariable(p, link.envVar()))));
            return new Classified(kind, project, secretNames(served, references), Optional.of(references));
        }
        return new Classified(kind, project, secrets);
    }

    /** The references of the command's file, as it reads them; none when it cannot be read (the command says why). */
    private static Set<Reference> fileReferences(ParseResult leaf, boolean template, Path cwd) {
        Set<Reference> references = new LinkedHashSet<>();
        try {
            Path file = leaf.matchedOptionValue(template ? "--in-file" : "--env-file", (Path) null);
            if (file != null) {
                references.addAll(template ? FileReferences.inTemplate(cwd.resolve(file))
                        : FileReferences.inEnvFile(cwd.resolve(file)));
            }
        } catch (RuntimeException e) {
            // Unreadable, not text or a malformed reference: the command refuses it with the same sentence.
        }
        return references;
    }

    /** The secret behind each reference, by name; a project variable that is not linked is named as its reference. */
    private List<String> secretNames(ServedSession served, Set<Reference> references) {
        Set<String> names = new LinkedHashSet<>();
        Map<String, List<ProjectLink>> projects = new HashMap<>();
        for (Reference reference : references) {
            switch (reference) {
                case Reference.Secret s -> names.add(s.name());
                case Reference.ProjectVariable v -> names.add(projects.computeIfAbsent(v.project(), p -> links(served, p))
                        .stream().filter(link -> link.envVar().equals(v.variable())).map(ProjectLink::secretName)
                        .findFirst().orElse(v.toString()));
            }
        }
        return List.copyOf(names);
    }

    /** A project's links, read under the commands lock as every read of the served session is; none when it is gone. */
    private List<ProjectLink> links(ServedSession served, String project) {
        server.commands().lock();
        try {
            return served.session().projects().links(project);
        } catch (RuntimeException e) {
            return List.of(); // no such project: the command says so
        } finally {
            server.commands().unlock();
        }
    }
}
