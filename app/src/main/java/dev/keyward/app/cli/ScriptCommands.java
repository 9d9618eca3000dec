package dev.keyward.app.cli;

import dev.keyward.automation.runner.CliCheckpointGate;
import dev.keyward.automation.runner.ExecutionRecord;
import dev.keyward.automation.runner.ExecutionStatus;
import dev.keyward.automation.runner.RunOptions;
import dev.keyward.automation.runner.RunResult;
import dev.keyward.automation.scripts.AutomationScript;
import dev.keyward.automation.scripts.ImportOutcome;
import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.io.UserFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code keyward script ...}: import, list, show, approve and run step programs. */
@Command(name = "script", description = "Browser automations (step programs): generate, import, review, approve, run.",
        subcommands = {ScriptCommands.Import.class, ScriptCommands.ListScripts.class, ScriptCommands.Show.class,
                ScriptCommands.Approve.class, ScriptCommands.Run.class, ScriptGenerateCommand.class})
public final class ScriptCommands {

    @ParentCommand
    KeywardCommand root;

    @Command(name = "import", description = "Validate a step program file and store it (a new version if it changed).")
    static final class Import implements Callable<Integer> {
        @ParentCommand
        ScriptCommands group;

        @Parameters(paramLabel = "FILE")
        Path file;

        private static final long MAX_PROGRAM_FILE_BYTES = 4L * 1024 * 1024;

        @Option(names = "--provider", paramLabel = "SLUG", description = "File it under this provider (default: the program's).")
        String provider;

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            // A device, a pipe or a huge file is refused before it is read (a program is a few KiB).
            String json = UserFiles.readUtf8(file, MAX_PROGRAM_FILE_BYTES);
            try (OpenSession open = group.root.open(passwordStdin)) {
                ImportOutcome outcome = open.services().scripts().importProgram(json, provider);
                AutomationScript s = outcome.script();
                group.root.terminal().out().println(switch (outcome.kind()) {
                    case CREATED -> "Imported script " + s.shortId() + " '" + s.title() + "' (version 1, pending"
                            + " approval). Review it with 'keyward script show " + s.shortId() + "'.";
                    case UPDATED -> "Updated script " + s.shortId() + " '" + s.title() + "' to version " + s.version()
                            + "; it needs approval again.";
                    case UNCHANGED -> "Script " + s.shortId() + " '" + s.title() + "' is unchanged (version "
                            + s.version() + ").";
                });
            }
            return 0;
        }
    }

    @Command(name = "list", description = "List stored scripts.")
    static final class ListScripts implements Callable<Integer> {
        @ParentCommand
        ScriptCommands group;

        @Option(names = "--json")
        boolean json;

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            try (OpenSession open = group.root.open(passwordStdin)) {
                List<AutomationScript> all = open.services().scripts().list();
                if (json) {
                    group.root.printJson(all.stream().map(ScriptCommands::summary).toList());
                    return 0;
                }
                if (all.isEmpty()) {
                    group.root.terminal().out().println("No scripts yet. Import one with: keyward script import FILE");
                }
                for (AutomationScript s : all) {
                    group.root.terminal().out().printf("%-8s %-9s v%-3d %-16s %-20s runs %-3d %s%n", s.shortId(),
                            s.approvalStatus().dbValue(), s.version(), s.providerSlug(), s.taskType().dbValue(),
                            s.executionCount(), s.title());
                }
            }
            return 0;
        }
    }

    @Command(name = "show", description = "Show a script: details, its program and its latest runs.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        ScriptCommands group;

        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--json")
        boolean json;

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            try (OpenSession open = group.root.open(passwordStdin)) {
                AutomationScript s = open.services().scripts().get(id);
                List<ExecutionRecord> runs = open.services().runHistory().runsOf(s.id(), 5);
                if (json) {
                    Map<String, Object> m = summary(s);
                    m.put("runs", runs.stream().map(r -> Map.of("id", r.id(), "status", r.status().dbValue(),
                            "started_at", r.startedAt())).toList());
                    m.put("script_content", s.scriptContent());
                    group.root.printJson(m);
                    return 0;
                }
                var out = group.root.terminal().out();
                out.println("Script   " + s.id());
                out.println("Title    " + s.title());
                out.println("Provider " + s.providerSlug() + ", task " + s.taskType().dbValue() + ", model " + s.modelUsed());
                out.println("Status   " + s.approvalStatus().dbValue() + (s.approvedAt() != null ? " at " + s.approvedAt() : "")
                        + ", version " + s.version() + ", " + s.executionCount() + " runs"
                        + (s.lastExecutionStatus() != null ? ", last " + s.lastExecutionStatus() : "")
                        + (s.autoApproveRepeat() ? ", auto-approve on repeat" : ""));
                out.println();
                out.println(s.scriptContent());
                if (!runs.isEmpty()) {
                    out.println();
                    out.println("Latest runs:");
                    for (ExecutionRecord r : runs) {
                        out.printf("  %s %-20s %-9s checkpoints %d/%d approved%s%n", r.id().substring(0, 8),
                                r.startedAt(), r.status().dbValue(), r.checkpointsApproved(), r.checkpointsReached(),
                                r.errorMessageRedacted() != null ? " - " + r.errorMessageRedacted() : "");
                    }
                }
            }
            return 0;
        }
    }

    @Command(name = "approve", description = "Approve the script's current version (its first run then needs no review).")
    static final class Approve implements Callable<Integer> {
        @ParentCommand
        ScriptCommands group;

        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            try (OpenSession open = group.root.open(passwordStdin)) {
                AutomationScript s = open.services().scripts().approve(id);
                group.root.terminal().out().println("Approved script " + s.shortId() + " '" + s.title() + "' version "
                        + s.version() + ".");
            }
            return 0;
        }
    }

    @Command(name = "run", description = "Run a script in Chromium; checkpoints ask on this terminal.")
    static final class Run implements Callable<Integer> {
        @ParentCommand
        ScriptCommands group;

        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--input", paramLabel = "NAME=VALUE", description = "A value for one of the program's inputs (repeatable).")
        List<String> inputs = List.of();

        @Option(names = "--headed", description = "Show the browser window.")
        boolean headed;

        @Option(names = "--auto-approve-repeat", description = "On a repeat run of an approved script, approve checkpoints"
                + " other than financial and irreversible ones without asking.")
        boolean autoApproveRepeat;

        @Option(names = "--checkpoint-timeout", paramLabel = "SECONDS", description = "No answer within this time rejects (default 300).")
        int checkpointTimeout = (int) RunOptions.DEFAULT_CHECKPOINT_TIMEOUT.toSeconds();

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            if (checkpointTimeout < 1) {
                throw new InvalidInputException("--checkpoint-timeout must be at least 1 second.");
            }
            Terminal terminal = group.root.terminal();
            try (OpenSession open = group.root.open(passwordStdin)) {
                RunOptions options = RunOptions.defaults(parseInputs(inputs)).withHeaded(headed)
                        .withAutoApproveRepeat(autoApproveRepeat).withCheckpointTimeout(Duration.ofSeconds(checkpointTimeout));
                RunResult result = open.services().programRunner().run(id, options, gate(terminal),
                        new CliRunObserver(terminal.out()));
                return exitCode(result, terminal);
            }
        }
    }

    /** A gate that reads answers from the CLI's stdin, after whatever the password prompt consumed. */
    static CliCheckpointGate gate(Terminal terminal) {
        return new CliCheckpointGate(() -> {
            char[] line = terminal.readLine();
            return line == null ? null : new String(line);
        }, terminal.out());
    }

    static int exitCode(RunResult result, Terminal terminal) {
        if (result.status() == ExecutionStatus.SUCCESS) {
            return 0;
        }
        terminal.err().println("keyward: the run ended " + result.status().dbValue() + ": " + result.error());
        return 1;
    }

    static Map<String, String> parseInputs(List<String> pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq < 1) {
                throw new InvalidInputException("--input takes NAME=VALUE, e.g. --input cap=50.");
            }
            out.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return out;
    }

    static Map<String, Object> summary(AutomationScript s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("title", s.title());
        m.put("provider", s.providerSlug());
        m.put("task_type", s.taskType().dbValue());
        m.put("approval_status", s.approvalStatus().dbValue());
        m.put("approved_at", s.approvedAt());
        m.put("version", s.version());
        m.put("model_used", s.modelUsed());
        m.put("execution_count", s.executionCount());
        m.put("last_executed_at", s.lastExecutedAt());
        m.put("last_execution_status", s.lastExecutionStatus());
        m.put("auto_approve_repeat", s.autoApproveRepeat());
        m.put("created_at", s.createdAt());
        m.put("updated_at", s.updatedAt());
        return m;
    }
}
