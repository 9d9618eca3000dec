package dev.keyward.app.cli;

import dev.keyward.automation.dashboard.hygiene.HygieneAction;
import dev.keyward.automation.dashboard.hygiene.HygieneFinding;
import dev.keyward.automation.dashboard.hygiene.HygieneService;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code keyward dashboard hygiene|admin-key|match}: the key-hygiene report and what feeds it. */
final class DashboardHygieneCommands {

    private DashboardHygieneCommands() {
    }

    @Command(name = "hygiene", description = "Key hygiene (Watchtower): unused keys, unknown copies at the provider, keys gone "
            + "upstream, keys close to expiry, spend spikes, retired models still in use. Needs an admin key and a refresh.")
    static final class Hygiene implements Callable<Integer> {
        @ParentCommand
        DashboardCommands group;

        @Option(names = "--json")
        boolean json;

        @Option(names = "--dismiss", paramLabel = "KEY", description = "Hide the finding with this key.")
        String dismiss;

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            try (OpenSession open = group.root.open(passwordStdin)) {
                HygieneService hygiene = open.services().dashboard().hygiene();
                PrintStream out = group.root.terminal().out();
                if (dismiss != null) {
                    hygiene.dismiss(dismiss);
                    out.println("Dismissed " + dismiss + ".");
                    return 0;
                }
                HygieneService.Report report = hygiene.report();
                if (json) {
                    group.root.printJson(report);
                    return 0;
                }
                if (!report.inventoryKnown()) {
                    out.println("No key inventory yet. Store an OpenAI (sk-admin-...) or Anthropic (sk-ant-admin01-...) admin key"
                            + " with its provider and run: keyward dashboard refresh");
                }
                for (HygieneFinding finding : report.findings()) {
                    out.println(finding.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "  ["
                            + finding.key() + "]");
                    out.println("  " + finding.sentence());
                    for (HygieneAction action : finding.actions()) {
                        out.println("  - " + action.label() + hint(action));
                    }
                }
                if (report.inventoryKnown() && report.findings().isEmpty()) {
                    out.println("No key-hygiene findings.");
                }
                if (report.dismissed() > 0) {
                    out.println(report.dismissed() + " dismissed finding(s) hidden.");
                }
            }
            return 0;
        }

        private static String hint(HygieneAction action) {
            return switch (action) {
                case HygieneAction.OpenProviderPage page -> ": " + page.url();
                case HygieneAction.RunRotationProgram program -> ": keyward script run " + program.scriptId();
                case HygieneAction.ConfirmMatch match -> ": keyward dashboard match " + match.providerSlug() + " "
                        + match.upstreamId() + " SECRET";
                case HygieneAction.Dismiss dismissal -> ": keyward dashboard hygiene --dismiss " + dismissal.findingKey();
            };
        }
    }

    @Command(name = "admin-key", description = "Mark a secret as its provider's admin key (keys in the sk-admin- or "
            + "sk-ant-admin01- format need no mark); refreshes then read the organisation's usage, cost and key list.")
    static final class AdminKey implements Callable<Integer> {
        @ParentCommand
        DashboardCommands group;

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--off", description = "Remove the mark.")
        boolean off;

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            try (OpenSession open = group.root.open(passwordStdin)) {
                open.services().dashboard().markAdminKey(name, !off);
                group.root.terminal().out().println(off ? "'" + name + "' is no longer marked as an admin key."
                        : "'" + name + "' is marked as an admin key; the next refresh reads its organisation.");
            }
            return 0;
        }
    }

    @Command(name = "match", description = "Confirm which vault secret a provider key is, when several fit its hint.")
    static final class Match implements Callable<Integer> {
        @ParentCommand
        DashboardCommands group;

        @Parameters(index = "0", paramLabel = "SLUG")
        String slug;

        @Parameters(index = "1", paramLabel = "PROVIDER_KEY_ID")
        String upstreamId;

        @Parameters(index = "2", paramLabel = "SECRET")
        String secret;

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            try (OpenSession open = group.root.open(passwordStdin)) {
                open.services().dashboard().hygiene().confirmMatch(slug, upstreamId, secret);
                group.root.terminal().out().println("Confirmed: " + slug + " key " + upstreamId + " is '" + secret
                        + "'. The next refresh shows its usage.");
            }
            return 0;
        }
    }
}
