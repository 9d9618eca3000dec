package dev.keyward.app.cli;

import dev.keyward.automation.jobs.JobOutcome;
import dev.keyward.automation.retention.RetentionJob;
import dev.keyward.automation.retention.RetentionReport;
import dev.keyward.vault.OperationFailedException;
import dev.keyward.vault.jobs.JobName;
import dev.keyward.vault.jobs.JobStatus;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code keyward retention run [--dry-run]}: the retention rules of seed 002 section 5.3, now. */
@Command(name = "retention", description = "Remove what the retention settings no longer keep.",
        subcommands = RetentionCommands.Run.class)
public final class RetentionCommands {

    @ParentCommand
    KeywardCommand root;

    @Command(name = "run", description = "Apply every retention rule now; --dry-run shows what would go and changes nothing.")
    static final class Run implements Callable<Integer> {
        @ParentCommand
        RetentionCommands group;

        @Option(names = "--dry-run", description = "Count what would be removed; change nothing.")
        boolean dryRun;

        @Option(names = "--json")
        boolean json;

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            try (OpenSession open = group.root.open(passwordStdin)) {
                RetentionJob job = open.services().retention();
                RetentionReport report = dryRun ? job.dryRun() : runAsJob(open, job);
                if (json) {
                    group.root.printJson(report);
                    return 0;
                }
                PrintStream out = group.root.terminal().out();
                out.println(dryRun ? "Dry run: nothing was changed. A run would remove:" : "Removed:");
                for (RetentionReport.Rule rule : report.rules()) {
                    out.printf(Locale.ROOT, "  %-26s %8d   %s%s%n", rule.name(), rule.count(), rule.policy(),
                            rule.detail() == null ? "" : " (" + rule.detail() + ")");
                }
                if (report.stopped()) {
                    group.root.terminal().err().println("Retention stopped part-way; run it again to finish.");
                }
            }
            return 0;
        }

        /** A real run is the retention job's run: no overlap with the app's, recorded, next one a day later. */
        private static RetentionReport runAsJob(OpenSession open, RetentionJob job) {
            return open.services().jobs().runNow(JobName.RETENTION, job::run, report -> report.stopped()
                            ? new JobOutcome(JobStatus.PARTIAL, null) : JobOutcome.success())
                    .orElseThrow(() -> new OperationFailedException("Retention is already running; wait for it to finish."));
        }
    }
}
