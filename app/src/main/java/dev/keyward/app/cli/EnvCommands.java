package dev.keyward.app.cli;

import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.OperationFailedException;
import dev.keyward.vault.crypto.StrictUtf8;
import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.env.DotenvFile;
import dev.keyward.vault.env.DotenvKeys;
import dev.keyward.vault.env.DotenvWriter;
import dev.keyward.vault.env.UnrepresentableValueException;
import dev.keyward.vault.io.UserFiles;
import dev.keyward.vault.projects.EnvImportPlan;
import dev.keyward.vault.secrets.SecretService;
import dev.keyward.vault.session.VaultSession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code keyward env import|export}: .env files in and out of a project. */
@Command(name = "env", description = "Import a .env file into a project, or export a project as .env.",
        subcommands = {EnvCommands.Import.class, EnvCommands.Export.class})
public final class EnvCommands {

    @ParentCommand
    KeywardCommand root;

    @Command(name = "import", description = "Import a .env file: new variables become secrets, changed ones are rotated. "
            + "A malformed file is refused whole.")
    static final class Import implements Callable<Integer> {
        @ParentCommand
        EnvCommands group;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Option(names = "--project", paramLabel = "P", required = true)
        String project;

        @Option(names = "--dry-run", description = "Show what would change; write nothing.")
        boolean dryRun;

        @Option(names = "--allow-empty", description = "Let an empty value in the file replace the value of a "
                + "variable that is already linked (refused otherwise, so a .env.example cannot blank live keys).")
        boolean allowEmpty;

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            Terminal t = group.root.terminal();
            try (DotenvFile.Contents contents = DotenvFile.read(group.root.resolve(file));
                 SessionLease lease = group.root.unlock(passwordStdin)) {
                VaultSession session = lease.session();
                EnvImportPlan plan = session.projects().planImport(project, contents.values(), allowEmpty);
                print(plan, t);
                printRepeats(contents, t);
                if (!plan.refused().isEmpty()) {
                    // The dry run refuses exactly what the import would refuse, with the same sentence and exit code.
                    EnvImportPlan.Item first = plan.refused().get(0);
                    throw new InvalidInputException("Nothing was imported: " + DotenvKeys.shown(first.envVar()) + " "
                            + DotenvKeys.masked(first.detail()) + ".");
                }
                if (dryRun) {
                    t.out().println("Dry run: nothing was written. The import would add " + plan.added().size()
                            + ", change " + plan.changed().size() + " and leave " + plan.unchanged().size()
                            + " unchanged.");
                    return 0;
                }
                EnvImportPlan done = session.projects().importEnv(project, contents.values(), allowEmpty);
                t.out().println("Imported into project '" + project + "': " + done.added().size() + " added, "
                        + done.changed().size() + " changed, " + done.unchanged().size() + " unchanged.");
            }
            return 0;
        }
    }

    @Command(name = "export", description = "Write a project's variables as a .env file (mode 0600) or to stdout.")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        EnvCommands group;

        @Option(names = "--project", paramLabel = "P", required = true)
        String project;

        @Option(names = "--output", paramLabel = "FILE")
        Path output;

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            Path output = this.output == null ? null : group.root.resolve(this.output);
            if (output != null) {
                // Refuse a symbolic link, device or missing folder before anything is decrypted or audited.
                UserFiles.checkWritable(output);
            }
            byte[] bytes;
            int count;
            try (SessionLease lease = group.root.unlock(passwordStdin)) {
                VaultSession session = lease.session();
                Map<String, char[]> env = session.projects().environment(project, SecretService.Purpose.EXPORT);
                count = env.size();
                char[] text = null;
                try {
                    text = DotenvWriter.renderChars(new LinkedHashMap<>(env));
                    bytes = StrictUtf8.encode(text);
                } catch (UnrepresentableValueException e) {
                    throw new InvalidInputException("Variable " + DotenvKeys.shown(e.key()) + " cannot be written to a .env file "
                            + "(its value mixes every kind of quote with line breaks); nothing was exported.");
                } finally {
                    env.values().forEach(Wipe::chars);
                    Wipe.chars(text);
                }
            }
            try {
                if (output == null) {
                    group.root.terminal().out().write(bytes, 0, bytes.length);
                    group.root.terminal().out().flush();
                    return 0;
                }
                try {
                    UserFiles.write(output, bytes);
                } catch (IOException e) {
                    throw new OperationFailedException("Could not write " + output + "; nothing was written.", e);
                }
            } finally {
                Wipe.bytes(bytes);
            }
            group.root.terminal().out().println("Wrote " + count + " variables of project '" + project
                    + "' to " + output + " (readable by you only).");
            return 0;
        }
    }

    /** Says which keys the file defines more than once and which definition was taken. */
    static void printRepeats(DotenvFile.Contents contents, Terminal t) {
        contents.repeatedKeys().forEach((key, lines) -> t.out().println("  ! " + DotenvKeys.shown(key) + " is defined "
                + lines.size() + " times (lines " + lines.stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(", ")) + "); the last one (line "
                + lines.get(lines.size() - 1) + ") is imported, as dotenv reads it."));
    }

    static void print(EnvImportPlan plan, Terminal t) {
        plan.added().forEach(i -> t.out().println(DotenvKeys.masked("  + " + i.envVar() + "  (" + i.detail() + ")")));
        plan.changed().forEach(i -> t.out().println(DotenvKeys.masked("  ~ " + i.envVar() + "  (" + i.detail() + ")")));
        plan.unchanged().forEach(i -> t.out().println(DotenvKeys.masked("  = " + i.envVar())));
        plan.refused().forEach(i -> t.out().println("  ! " + DotenvKeys.shown(i.envVar()) + "  refused: "
                + DotenvKeys.masked(i.detail())));
    }
}
