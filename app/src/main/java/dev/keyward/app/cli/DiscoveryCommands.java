package dev.keyward.app.cli;

import dev.keyward.automation.discovery.CheckPace;
import dev.keyward.automation.discovery.SkippedProvider;
import dev.keyward.automation.discovery.Trigger;
import dev.keyward.automation.discovery.classify.Urgency;
import dev.keyward.automation.discovery.service.DiscoveryOutcome;
import dev.keyward.automation.discovery.service.DiscoveryService;
import dev.keyward.automation.discovery.service.ProviderSummary;
import dev.keyward.automation.discovery.FindingQuery;
import dev.keyward.automation.discovery.FindingStatus;
import dev.keyward.automation.discovery.StoredFinding;
import dev.keyward.automation.jobs.JobCatalog;
import dev.keyward.automation.jobs.JobOutcome;
import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.jobs.JobName;
import dev.keyward.vault.session.VaultSession;
import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code keyward discovery run|list|mark}: provider changes found on status pages, changelogs and web search. */
@Command(name = "discovery", description = "Watch providers' status pages, changelogs and (optionally) web search for changes.",
        subcommands = {DiscoveryCommands.Run.class, DiscoveryCommands.ListFindings.class, DiscoveryCommands.Mark.class})
public final class DiscoveryCommands {

    @ParentCommand
    KeywardCommand root;

    private static final DateTimeFormatter NEXT_RUN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);

    @Command(name = "run", description = {
            "Check providers and store what is new. Needs discovery_network_enabled.",
            "Each provider is checked at most once an hour; --now checks it again anyway.",
            "Items older than 30 days are left out, except status page incidents that are still unresolved"
                    + " (an open incident's age counts from its latest update)."})
    static final class Run implements Callable<Integer> {
        @ParentCommand
        DiscoveryCommands group;

        @Option(names = "--provider", paramLabel = "SLUG", description = "Check only this provider.")
        String provider;

        @Option(names = "--now", description = "Check now even if a provider was checked within the last hour"
                + " (the hourly limit still applies to scheduled runs).")
        boolean now;

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            PrintStream out = group.root.terminal().out();
            try (OpenSession open = group.root.open(passwordStdin)) {
                VaultSession session = open.session();
                DiscoveryService service = open.services().discovery();
                if (provider != null) {
                    session.providers().get(provider); // an unknown slug is the user's typo, not a failed run
                }
                JobCatalog jobs = open.services().jobs();
                Optional<DiscoveryOutcome> ran = jobs.runNow(JobName.DISCOVERY,
                        () -> service.run(Trigger.ON_DEMAND, provider, now ? CheckPace.FRESH : CheckPace.PACED),
                        outcome -> new JobOutcome(outcome.jobStatus(), outcome.jobError()));
                if (ran.isEmpty()) {
                    group.root.terminal().err().println("keyward: a discovery run is already under way; try again when"
                            + " it has finished.");
                    return ErrorReport.ERROR;
                }
                DiscoveryOutcome outcome = ran.get();
                if (!outcome.networkEnabled()) {
                    group.root.terminal().err().println("keyward: discovery network access is off, so no provider was"
                            + " contacted. Turn it on with 'keyward settings set discovery_network_enabled true'.");
                    return ErrorReport.ERROR;
                }
                printProviders(out, outcome.providers(), provider != null);
                out.println(outcome.summary());
                if (!now && outcome.providers().stream()
                        .anyMatch(p -> p.skipReason() == SkippedProvider.Reason.RATE_LIMITED)) {
                    out.println("Providers checked within the last hour were skipped; 'keyward discovery run --now'"
                            + " checks them anyway.");
                }
                out.println("The next scheduled check is due at "
                        + NEXT_RUN.format(jobs.entry(JobName.DISCOVERY).policy().nextAfter(session.clock().instant())
                                .atZone(ZoneId.systemDefault()))
                        + ".");
                if (!outcome.newFindings().isEmpty()) {
                    out.println();
                    out.println("New findings:");
                    outcome.newFindings().forEach(f -> printFinding(out, f));
                }
                boolean allFailed = outcome.checked() > 0 && outcome.providers().stream()
                        .filter(p -> p.state() != ProviderSummary.State.SKIPPED)
                        .allMatch(p -> p.state() == ProviderSummary.State.FAILED);
                return allFailed ? ErrorReport.ERROR : ErrorReport.OK;
            }
        }

        private static void printProviders(PrintStream out, List<ProviderSummary> providers, boolean one) {
            Map<SkippedProvider.Reason, Integer> quietSkips = new LinkedHashMap<>();
            for (ProviderSummary p : providers) {
                boolean quiet = p.state() == ProviderSummary.State.SKIPPED && !one
                        && p.skipReason() != SkippedProvider.Reason.RATE_LIMITED;
                if (quiet) {
                    quietSkips.merge(p.skipReason(), 1, Integer::sum);
                    continue;
                }
                if (p.state() == ProviderSummary.State.SKIPPED) {
                    out.printf("%-20s skipped  %s%n", p.slug(), Text.line(p.message()));
                    continue;
                }
                out.printf("%-20s %-8s %d %s, %d %s, %d new %s%n", p.slug(), p.state().name().toLowerCase(Locale.ROOT),
                        p.queries(), p.queries() == 1 ? "request" : "requests", p.results(),
                        p.results() == 1 ? "item" : "items", p.newFindings(),
                        p.newFindings() == 1 ? "finding" : "findings");
                if (p.message() != null) {
                    out.println("    " + Text.line(p.message()));
                }
            }
            if (!quietSkips.isEmpty()) {
                out.println("Not checked: " + quietSkips.entrySet().stream()
                        .map(e -> e.getValue() + " " + skipWords(e.getKey()))
                        .collect(Collectors.joining(", ")) + ".");
            }
        }

        private static String skipWords(SkippedProvider.Reason reason) {
            return switch (reason) {
                case NO_SOURCES -> "without a status page, changelog or search";
                case DISCOVERY_DISABLED -> "with discovery turned off";
                case NETWORK_OFF -> "because network access is off";
                case RATE_LIMITED -> "checked recently";
            };
        }
    }

    @Command(name = "list", description = "Findings, most urgent first, then newest.")
    static final class ListFindings implements Callable<Integer> {
        @ParentCommand
        DiscoveryCommands group;

        @Option(names = "--json")
        boolean json;

        @Option(names = "--status", paramLabel = "S", description = "new, reviewed, dismissed or actioned.")
        String status;

        @Option(names = "--urgency", paramLabel = "U", description = "informational, advisory, action_needed or critical.")
        String urgency;

        @Option(names = "--provider", paramLabel = "SLUG")
        String provider;

        @Option(names = "--limit", paramLabel = "N", description = "At most N findings (default 50, at most 500).")
        int limit = FindingQuery.DEFAULT_LIMIT;

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            if (limit < 1 || limit > FindingQuery.MAX_LIMIT) {
                throw new CliUsageException("--limit takes a number from 1 to " + FindingQuery.MAX_LIMIT + ".");
            }
            Set<FindingStatus> statuses = status == null ? Set.of() : Set.of(FindingStatus.parse(status));
            Set<Urgency> urgencies = urgency == null ? Set.of() : Set.of(urgency(urgency));
            try (OpenSession open = group.root.open(passwordStdin)) {
                VaultSession session = open.session();
                DiscoveryService service = open.services().discovery();
                if (provider != null) {
                    session.providers().get(provider);
                }
                List<StoredFinding> found = service.inbox(new FindingQuery(statuses, urgencies, provider, null, limit))
                        .findings();
                if (json) {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    found.forEach(f -> rows.add(jsonOf(f)));
                    group.root.printJson(rows);
                    return ErrorReport.OK;
                }
                PrintStream out = group.root.terminal().out();
                if (found.isEmpty()) {
                    out.println("No findings" + (statuses.isEmpty() && urgencies.isEmpty() && provider == null ? ""
                            : " match") + ". 'keyward discovery run' checks providers now.");
                }
                found.forEach(f -> printFinding(out, f));
            }
            return ErrorReport.OK;
        }

        private static Urgency urgency(String text) {
            String wanted = text.strip().toLowerCase(Locale.ROOT);
            for (Urgency u : Urgency.values()) {
                if (u.dbValue().equals(wanted)) {
                    return u;
                }
            }
            throw new InvalidInputException("'" + text + "' is not an urgency; use informational, advisory,"
                    + " action_needed or critical.");
        }
    }

    @Command(name = "mark", description = "Record that you reviewed, dismissed or acted on a finding (or make it new again).")
    static final class Mark implements Callable<Integer> {
        @ParentCommand
        DiscoveryCommands group;

        @Parameters(index = "0", paramLabel = "ID", description = "The finding's id, or its first 8 characters.")
        String id;

        @Parameters(index = "1", paramLabel = "STATUS", description = "new, reviewed, dismissed or actioned.")
        String status;

        @Option(names = "--notes", paramLabel = "TEXT", description = "Your notes (replace earlier ones).")
        String notes;

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            FindingStatus wanted = FindingStatus.parse(status);
            try (OpenSession open = group.root.open(passwordStdin)) {
                DiscoveryService service = open.services().discovery();
                StoredFinding f = service.mark(id, wanted, notes);
                group.root.terminal().out().println("Finding " + f.id().substring(0, 8) + " is now "
                        + f.userStatus().dbValue() + (f.reviewedAt() == null ? "" : " (" + f.reviewedAt() + ")") + ".");
            }
            return ErrorReport.OK;
        }
    }

    static void printFinding(PrintStream out, StoredFinding f) {
        out.printf("%s  %-13s %-9s %-18s %s  %s%n", f.id().substring(0, 8), f.urgency().dbValue(),
                f.userStatus().dbValue(), f.providerSlug(), f.discoveredAt().toString().substring(0, 10),
                Text.line(f.sourceTitle()));
        out.println("    " + Text.line(f.impactSummary()));
        out.println("    -> " + Text.line(f.actionRecommendation()));
        out.println("    " + Text.line(f.sourceUrl()));
        if (f.userNotes() != null) {
            out.println("    notes: " + Text.line(f.userNotes()));
        }
    }

    static Map<String, Object> jsonOf(StoredFinding f) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", f.id());
        row.put("provider", f.providerSlug());
        row.put("discovered_at", f.discoveredAt().toString());
        row.put("published_at", f.publishedAt() == null ? null : f.publishedAt().toString());
        row.put("category", f.category().dbValue());
        row.put("urgency", f.urgency().dbValue());
        row.put("relevance_score", f.relevanceScore());
        row.put("relevance_reason", f.relevanceReason());
        row.put("source_kind", f.sourceKind() == null ? null : f.sourceKind().dbValue());
        row.put("source_url", f.sourceUrl());
        row.put("source_title", f.sourceTitle());
        row.put("source_snippet", f.sourceSnippet());
        row.put("impact_summary", f.impactSummary());
        row.put("action_recommendation", f.actionRecommendation());
        row.put("user_status", f.userStatus().dbValue());
        row.put("reviewed_at", f.reviewedAt() == null ? null : f.reviewedAt().toString());
        row.put("user_notes", f.userNotes());
        return row;
    }

    /** Untrusted text made safe for one terminal line: no control characters (escape sequences), no line breaks. */
    static final class Text {
        private Text() {
        }

        static String line(String text) {
            if (text == null) {
                return "";
            }
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                int type = Character.getType(cp);
                boolean invisible = type == Character.CONTROL || type == Character.FORMAT
                        || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
                out.appendCodePoint(invisible ? ' ' : cp);
            });
            return out.toString().strip();
        }
    }
}
