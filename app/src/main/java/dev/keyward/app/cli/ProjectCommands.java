package dev.keyward.app.cli;

import dev.keyward.vault.projects.ProjectInfo;
import dev.keyward.vault.projects.ProjectLink;
import dev.keyward.vault.session.VaultSession;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code keyward project ...}: projects map secrets to environment variables. */
@Command(name = "project", description = "Projects: which secrets a program gets, under which variable names.",
        subcommands = {ProjectCommands.Create.class, ProjectCommands.ListProjects.class, ProjectCommands.Link.class,
                ProjectCommands.Unlink.class, ProjectCommands.Show.class})
public final class ProjectCommands {

    @ParentCommand
    KeywardCommand root;

    @Command(name = "create")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        ProjectCommands group;

        @Parameters(paramLabel = "PROJECT")
        String name;

        @Option(names = "--description")
        String description;

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            try (SessionLease lease = group.root.unlock(passwordStdin)) {
                VaultSession session = lease.session();
                session.projects().create(name, description);
                group.root.terminal().out().println("Created project '" + name + "'.");
            }
            return 0;
        }
    }

    @Command(name = "list")
    static final class ListProjects implements Callable<Integer> {
        @ParentCommand
        ProjectCommands group;

        @Option(names = "--json")
        boolean json;

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            try (SessionLease lease = group.root.unlock(passwordStdin)) {
                VaultSession session = lease.session();
                List<ProjectInfo> all = session.projects().list();
                if (json) {
                    group.root.printJson(all);
                    return 0;
                }
                for (ProjectInfo p : all) {
                    group.root.terminal().out().printf("%-24s %d variables%n", p.name(), p.linkCount());
                }
            }
            return 0;
        }
    }

    @Command(name = "link", description = "Link a secret to an environment variable of a project.")
    static final class Link implements Callable<Integer> {
        @ParentCommand
        ProjectCommands group;

        @Parameters(index = "0", paramLabel = "PROJECT")
        String project;

        @Parameters(index = "1", paramLabel = "SECRET")
        String secret;

        @Option(names = "--env", paramLabel = "VAR", required = true)
        String envVar;

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            try (SessionLease lease = group.root.unlock(passwordStdin)) {
                VaultSession session = lease.session();
                ProjectLink link = session.projects().link(project, secret, envVar);
                group.root.terminal().out().println("Project '" + project + "': " + link.envVar() + " <- secret '" + link.secretName() + "'.");
            }
            return 0;
        }
    }

    @Command(name = "unlink")
    static final class Unlink implements Callable<Integer> {
        @ParentCommand
        ProjectCommands group;

        @Parameters(index = "0", paramLabel = "PROJECT")
        String project;

        @Parameters(index = "1", paramLabel = "VAR")
        String envVar;

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            try (SessionLease lease = group.root.unlock(passwordStdin)) {
                VaultSession session = lease.session();
                session.projects().unlink(project, envVar);
                group.root.terminal().out().println("Project '" + project + "' no longer sets " + envVar + ".");
            }
            return 0;
        }
    }

    @Command(name = "show", description = "Show a project's variables and the secrets behind them.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        ProjectCommands group;

        @Parameters(paramLabel = "PROJECT")
        String project;

        @Option(names = "--json")
        boolean json;

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            try (SessionLease lease = group.root.unlock(passwordStdin)) {
                VaultSession session = lease.session();
                List<ProjectLink> links = session.projects().links(project);
                if (json) {
                    group.root.printJson(links);
                    return 0;
                }
                for (ProjectLink l : links) {
                    group.root.terminal().out().printf("%-32s <- %s%n", l.envVar(), l.secretName());
                }
            }
            return 0;
        }
    }
}
