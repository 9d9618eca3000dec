package dev.keyward.app.cli;

import dev.keyward.automation.dashboard.refresh.KeyRefreshResult;
import dev.keyward.automation.dashboard.refresh.RefreshListener;
import dev.keyward.automation.dashboard.service.DashboardService;
import dev.keyward.automation.dashboard.service.RefreshReport;
import dev.keyward.automation.dashboard.DashboardCard;
import dev.keyward.automation.dashboard.ProviderSelector;
import dev.keyward.automation.jobs.JobOutcome;
import dev.keyward.automation.jobs.JobResult;
import dev.keyward.vault.OperationFailedException;
import dev.keyward.vault.jobs.JobName;
import dev.keyward.vault.jobs.JobStatus;
import dev.keyward.vault.session.VaultSession;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code keyward dashboard show|refresh|selector|hygiene|admin-key|match}: each key's usage, health and warnings. */
@Command(name = "dashboard", description = "Each key's health, usage, cost and warnings, collected from its provider.",
        subcommands = {DashboardCommands.Show.class, DashboardCommands.Refresh.class, DashboardCommands.Selectors.class,
                DashboardHygieneCommands.Hygiene.class, DashboardHygieneCommands.AdminKey.class,
                DashboardHygieneCommands.Match.class})
public final class DashboardCommands {

    @ParentCommand
    KeywardCommand root;

    @Command(name = "show", description = "A card per key: health, service status, usage, cost, warnings, last collected.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        DashboardCommands group;

        @Option(names = "--json")
        boolean json;

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            try (OpenSession open = group.root.open(passwordStdin)) {
                List<DashboardCard> cards = open.services().dashboard().overview();
                if (json) {
                    group.root.printJson(cards);
                    return 0;
                }
                PrintStream out = group.root.terminal().out();
                if (cards.isEmpty()) {
                    out.println("No keys with a provider yet. Add one with: keyward secret add NAME --provider SLUG");
                }
                cards.forEach(card -> DashboardCards.print(card, out));
            }
            return 0;
        }
    }

    @Command(name = "refresh", description = "Collect every key now (or one with --secret); quiet hours do not apply.")
    static final class Refresh implements Callable<Integer> {
        @ParentCommand
        DashboardCommands group;

        @Option(names = "--secret", paramLabel = "NAME", description = "Refresh only this key.")
        String secret;

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() throws Exception {
            try (OpenSession open = group.root.open(passwordStdin)) {
                VaultSession session = open.session();
                DashboardService dashboard = open.services().dashboard();
                PrintStream out = group.root.terminal().out();
                PrintStream err = group.root.terminal().err();
                dashboard.alerts().subscribe(alert -> err.println("Alert: " + alert.message()));
                java.util.Map<String, String> names = new java.util.HashMap<>();
                session.secrets().list().forEach(info -> names.put(info.id(), info.name()));
                RefreshListener progress = refreshed -> out.println(line(names.get(refreshed.target().secretId()), refreshed));
                JobStatus status = secret == null ? refreshAll(open, progress, err) : refreshOne(open, progress, err);
                return status == JobStatus.FAILED ? ErrorReport.ERROR : ErrorReport.OK;
            }
        }

        /** Through the job catalog, so the run is the dashboard job's (no overlap, recorded, next run planned). */
        private static JobStatus refreshAll(OpenSession open, RefreshListener progress, PrintStream err) {
            open.session().enableAutomation();
            JobResult result = open.services().jobs().runNow(JobName.DASHBOARD_REFRESH,
                    open.services().jobs().dashboardRefresh(progress));
            if (!result.ran()) {
                throw new OperationFailedException("A dashboard refresh is already running; wait for it to finish.");
            }
            if (result.error() != null) {
                err.println(result.error());
            }
            return result.status();
        }

        /** One key, through the job catalog: recorded as a dashboard run, without moving the next scheduled run. */
        private JobStatus refreshOne(OpenSession open, RefreshListener progress, PrintStream err) throws Exception {
            open.session().enableAutomation();
            DashboardService dashboard = open.services().dashboard();
            RefreshReport report = open.services().jobs().runPartNow(JobName.DASHBOARD_REFRESH,
                            () -> dashboard.refreshSecret(secret, progress),
                            r -> new JobOutcome(r.jobStatus(), r.shortfall()))
                    .orElseThrow(() -> new OperationFailedException(
                            "A dashboard refresh is already running; wait for it to finish."));
            if (report.shortfall() != null) {
                err.println(report.shortfall());
            }
            return report.jobStatus();
        }

        private static String line(String name, KeyRefreshResult refreshed) {
            var r = refreshed.result();
            return String.format(Locale.ROOT, "%-24s %-16s %-6s %-8s health %-8s service %-11s%s", name,
                    refreshed.target().providerSlug(), r.method().dbValue(), r.status().dbValue(), r.health().dbValue(),
                    r.service().dbValue(),
                    r.errorMessageRedacted() == null ? "" : "  " + r.errorMessageRedacted());
        }
    }

    @Command(name = "selector", description = "The versioned selectors Keyward reads a provider's dashboard page with.",
            subcommands = {Selectors.ListSelectors.class, Selectors.Add.class})
    static final class Selectors {
        @ParentCommand
        DashboardCommands group;

        @Command(name = "list", description = "Every version of every selector of a provider, and whether it still matches.")
        static final class ListSelectors implements Callable<Integer> {
            @ParentCommand
            Selectors selectors;

            @Parameters(paramLabel = "SLUG")
            String slug;

            @Option(names = "--json")
            boolean json;

            @Option(names = "--password-stdin")
            boolean passwordStdin;

            @Override
            public Integer call() {
                KeywardCommand root = selectors.group.root;
                try (OpenSession open = root.open(passwordStdin)) {
                    List<ProviderSelector> all = open.services().dashboard().selectors(slug);
                    if (json) {
                        root.printJson(all);
                        return 0;
                    }
                    if (all.isEmpty()) {
                        root.terminal().out().println("No selectors for " + slug + ". Add one with: keyward dashboard selector add "
                                + slug + " DATA_TYPE SELECTOR");
                    }
                    for (ProviderSelector s : all) {
                        root.terminal().out().printf(Locale.ROOT, "%-24s v%-3d %-10s %-5s %s%n", s.dataType(), s.version(),
                                s.status(), s.selectorType(), s.selectorValue());
                    }
                }
                return 0;
            }
        }

        @Command(name = "add", description = "Add the next version of a selector, e.g. after the page changed (drift).")
        static final class Add implements Callable<Integer> {
            @ParentCommand
            Selectors selectors;

            @Parameters(index = "0", paramLabel = "SLUG")
            String slug;

            @Parameters(index = "1", paramLabel = "DATA_TYPE", description = "usage_NAME, config_NAME, restriction_NAME or login_*")
            String dataType;

            @Parameters(index = "2", paramLabel = "SELECTOR")
            String selector;

            @Option(names = "--type", paramLabel = "css|xpath", defaultValue = "css")
            String type;

            @Option(names = "--password-stdin")
            boolean passwordStdin;

            @Override
            public Integer call() {
                KeywardCommand root = selectors.group.root;
                try (OpenSession open = root.open(passwordStdin)) {
                    ProviderSelector added = open.services().dashboard().addSelector(slug, dataType, type, selector);
                    root.terminal().out().println("Added " + added.dataType() + " version " + added.version() + " for " + slug
                            + "; the next refresh uses it.");
                }
                return 0;
            }
        }
    }
}
