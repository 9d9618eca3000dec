package dev.keyward.app.cli;

import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.NotFoundException;
import dev.keyward.vault.OperationFailedException;
import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.env.DotenvEntry;
import dev.keyward.vault.env.DotenvParser;
import dev.keyward.vault.env.DotenvSyntaxException;
import dev.keyward.vault.env.DotenvWriter;
import dev.keyward.vault.env.UnrepresentableValueException;
import dev.keyward.vault.io.AtomicFiles;
import dev.keyward.vault.projects.EnvImportPlan;
import dev.keyward.vault.secrets.SecretService;
import dev.keyward.vault.session.VaultSession;
import java.io.IOException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
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

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            Map<String, char[]> entries = read(file);
            try (VaultSession session = group.root.unlock(passwordStdin)) {
                EnvImportPlan plan = dryRun ? session.projects().planImport(project, entries)
                        : planThenImport(session, entries);
                print(plan, group.root.terminal());
                group.root.terminal().out().println(dryRun ? "Dry run: nothing was written."
                        : "Imported into project '" + project + "': " + plan.added().size() + " added, "
                        + plan.changed().size() + " changed, " + plan.unchanged().size() + " unchanged.");
            } finally {
                entries.values().forEach(Wipe::chars);
            }
            return 0;
        }

        private EnvImportPlan planThenImport(VaultSession session, Map<String, char[]> entries) {
            EnvImportPlan plan = session.projects().planImport(project, entries);
            if (!plan.refused().isEmpty()) {
                print(plan, group.root.terminal());
            }
            return session.projects().importEnv(project, entries);
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
            try (VaultSession session = group.root.unlock(passwordStdin)) {
                Map<String, char[]> env = session.projects().environment(project, SecretService.Purpose.EXPORT);
                String text;
                try {
                    LinkedHashMap<String, String> values = new LinkedHashMap<>();
                    env.forEach((k, v) -> values.put(k, new String(v)));
                    text = DotenvWriter.render(values);
                } catch (UnrepresentableValueException e) {
                    throw new InvalidInputException("Variable " + e.key() + " cannot be written to a .env file "
                            + "(its value mixes every kind of quote with line breaks); nothing was exported.");
                } finally {
                    env.values().forEach(Wipe::chars);
                }
                if (output == null) {
                    group.root.terminal().out().print(text);
                    return 0;
                }
                try {
                    AtomicFiles.write(output, text.getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new OperationFailedException("Could not write " + output + "; nothing was written.", e);
                }
                group.root.terminal().out().println("Wrote " + env.size() + " variables of project '" + project
                        + "' to " + output + " (readable by you only).");
            }
            return 0;
        }
    }

    /** Parses .env text (wiped afterwards) into ordered name -> value; a malformed text is refused with its line. */
    public static Map<String, char[]> parse(char[] text) {
        try {
            List<DotenvEntry> entries = DotenvParser.parse(CharBuffer.wrap(text));
            Map<String, char[]> out = new LinkedHashMap<>();
            for (DotenvEntry entry : entries) {
                Wipe.chars(out.put(entry.key(), entry.value().toCharArray()));
            }
            return out;
        } catch (DotenvSyntaxException e) {
            throw new InvalidInputException("The .env text is malformed: " + e.getMessage() + " Nothing was imported.");
        } finally {
            Wipe.chars(text);
        }
    }

    /** Parses a .env file into ordered name -> value; a malformed file is refused with its line. */
    static Map<String, char[]> read(Path file) {
        char[] text;
        try {
            byte[] raw = Files.readAllBytes(file);
            text = Terminal.decode(raw, raw.length);
        } catch (NoSuchFileException e) {
            throw new NotFoundException("There is no file " + file + ".");
        } catch (IOException e) {
            throw new OperationFailedException("Could not read " + file + ".", e);
        }
        try {
            List<DotenvEntry> entries = DotenvParser.parse(CharBuffer.wrap(text));
            Map<String, char[]> out = new LinkedHashMap<>();
            for (DotenvEntry entry : entries) {
                char[] previous = out.put(entry.key(), entry.value().toCharArray());
                Wipe.chars(previous);
            }
            return out;
        } catch (DotenvSyntaxException e) {
            throw new InvalidInputException(file.getFileName() + ", " + e.getMessage() + " Nothing was imported.");
        } finally {
            Wipe.chars(text);
        }
    }

    static void print(EnvImportPlan plan, Terminal t) {
        plan.added().forEach(i -> t.out().println("  + " + i.envVar() + "  (" + i.detail() + ")"));
        plan.changed().forEach(i -> t.out().println("  ~ " + i.envVar() + "  (" + i.detail() + ")"));
        plan.unchanged().forEach(i -> t.out().println("  = " + i.envVar()));
        plan.refused().forEach(i -> t.out().println("  ! " + i.envVar() + "  refused: " + i.detail()));
    }
}
