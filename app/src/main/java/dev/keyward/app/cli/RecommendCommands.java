package dev.keyward.app.cli;

import dev.keyward.automation.recommend.Need;
import dev.keyward.automation.recommend.Recommendation;
import dev.keyward.automation.recommend.RecommendationService;
import dev.keyward.automation.recommend.ScanResult;
import dev.keyward.vault.NotFoundException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code keyward recommend PATH_OR_PROJECT}: services for the needs a project's markdown states;
 * {@code recommend list|accept|reject} review them.
 */
@Command(name = "recommend", description = "Recommend catalog services for the needs a project's README.md and docs/*.md state.",
        subcommands = {RecommendCommands.ListRecommendations.class, RecommendCommands.Accept.class,
                RecommendCommands.Reject.class})
public final class RecommendCommands implements Callable<Integer> {

    @ParentCommand
    KeywardCommand root;

    @Parameters(arity = "0..1", paramLabel = "PATH_OR_PROJECT", description = "A project folder, or the name of a project whose folder is recorded.")
    String target;

    @Option(names = "--project", paramLabel = "NAME", description = "File the recommendations under this project (and remember PATH as its folder).")
    String project;

    @Option(names = "--per-need", paramLabel = "N", description = "Services to recommend per need (default 3).")
    int perNeed = RecommendationService.DEFAULT_PER_NEED;

    @Option(names = "--no-llm", description = "Write the rationales by rule even when an LLM is configured.")
    boolean noLlm;

    @Option(names = "--json")
    boolean json;

    @Option(names = "--password-stdin")
    boolean passwordStdin;

    @Override
    public Integer call() {
        if (target == null) {
            throw new CliUsageException("Name a project folder or a project: 'keyward recommend PATH_OR_PROJECT';"
                    + " 'keyward recommend list' shows what was recommended.");
        }
        try (OpenSession open = root.open(passwordStdin)) {
            open.session().enableAutomation();
            ScanResult result = open.services().withLlm(!noLlm, llm -> {
                RecommendationService service = open.services().recommendations(llm);
                Path folder = Path.of(target);
                if (Files.isDirectory(folder)) {
                    return service.scanFolder(folder, project, perNeed);
                }
                if (service.isProject(target)) {
                    if (project != null && !project.equals(target)) {
                        throw new CliUsageException("--project names another project than " + target + ".");
                    }
                    return service.scanProject(target, perNeed);
                }
                throw new NotFoundException("'" + target + "' is neither a folder nor a project;"
                        + " 'keyward project list' shows the projects.");
            });
            print(result);
        }
        return 0;
    }

    private void print(ScanResult result) {
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("documents", result.documents());
            out.put("needs", result.needs().stream().map(n -> Map.of("capability", n.capability().dbValue(),
                    "requirement_text", n.requirementText(), "document", n.document(), "confidence", n.confidence())).toList());
            out.put("added", result.added().stream().map(RecommendCommands::row).toList());
            out.put("already_known", result.alreadyKnown());
            out.put("rationales_refined_by_llm", result.refinedByLlm());
            out.put("providers_ignored_from_llm", result.ignoredByLlm());
            out.put("notes", result.notes());
            root.printJson(out);
            return;
        }
        PrintStream out = root.terminal().out();
        out.println("Read " + (result.documents().isEmpty() ? "no markdown" : String.join(", ", result.documents()))
                + ": " + result.needs().size() + " need" + (result.needs().size() == 1 ? "" : "s") + " found.");
        for (Need need : result.needs()) {
            out.println(need.capability().dbValue() + ": \"" + need.requirementText() + "\" (" + need.document() + ")");
            result.added().stream().filter(r -> r.capabilityNeeded().equals(need.capability().dbValue()))
                    .forEach(r -> out.printf(Locale.ROOT, "  %s  %-22s %.2f  %s%n", r.shortId(),
                            r.recommendedServiceName(), r.matchScore(), r.rationale()));
        }
        out.println("Stored " + result.added().size() + " recommendation(s) as new; " + result.alreadyKnown()
                + " were already known. Accept one with 'keyward recommend accept ID'.");
        result.notes().forEach(note -> root.terminal().err().println("Note: " + note));
    }

    static Map<String, Object> row(Recommendation r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", r.id());
        row.put("project", r.projectName());
        row.put("requirement_text", r.requirementText());
        row.put("capability_needed", r.capabilityNeeded());
        row.put("provider", r.providerSlug());
        row.put("recommended_service_name", r.recommendedServiceName());
        row.put("rationale", r.rationale());
        row.put("pricing_summary", r.pricingSummary());
        row.put("free_tier_available", r.freeTierAvailable());
        row.put("documentation_url", r.documentationUrl());
        row.put("match_score", r.matchScore());
        row.put("user_status", r.userStatus());
        row.put("created_at", r.createdAt());
        return row;
    }

    @Command(name = "list", description = "Recommendations made so far, newest first.")
    static final class ListRecommendations implements Callable<Integer> {
        @ParentCommand
        RecommendCommands group;

        @Option(names = "--project", paramLabel = "NAME", description = "Only this project's.")
        String project;

        @Option(names = "--json")
        boolean json;

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            try (OpenSession open = group.root.open(passwordStdin)) {
                List<Recommendation> rows = open.services().recommendations().list(project);
                if (json) {
                    group.root.printJson(rows.stream().map(RecommendCommands::row).toList());
                    return 0;
                }
                PrintStream out = group.root.terminal().out();
                for (Recommendation r : rows) {
                    out.printf(Locale.ROOT, "%s  %-8s %-12s %-22s %.2f  %s%n", r.shortId(), r.userStatus(),
                            r.capabilityNeeded(), r.recommendedServiceName(), r.matchScore(),
                            r.projectName() == null ? "" : "[" + r.projectName() + "]");
                }
                if (rows.isEmpty()) {
                    out.println("No recommendations yet; 'keyward recommend PATH' reads a project's markdown.");
                }
            }
            return 0;
        }
    }

    @Command(name = "accept", description = "Accept a recommendation: its provider is (or is added to) your profile.")
    static final class Accept implements Callable<Integer> {
        @ParentCommand
        RecommendCommands group;

        @Parameters(paramLabel = "ID", description = "The id, or its first characters as 'recommend list' shows them.")
        String id;

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            return decide(group, passwordStdin, id, RecommendationService::accept, r -> "Accepted "
                    + r.recommendedServiceName() + " for " + r.capabilityNeeded() + " (" + r.shortId() + "); "
                    + "store its key with 'keyward secret add NAME --provider " + r.providerSlug() + "'.");
        }
    }

    @Command(name = "reject", description = "Reject a recommendation; a rescan will not bring it back.")
    static final class Reject implements Callable<Integer> {
        @ParentCommand
        RecommendCommands group;

        @Parameters(paramLabel = "ID")
        String id;

        @Option(names = "--password-stdin")
        boolean passwordStdin;

        @Override
        public Integer call() {
            return decide(group, passwordStdin, id, RecommendationService::reject, r -> "Rejected "
                    + r.recommendedServiceName() + " for " + r.capabilityNeeded() + " (" + r.shortId() + ").");
        }
    }

    private static int decide(RecommendCommands group, boolean passwordStdin, String id,
            BiFunction<RecommendationService, String, Recommendation> decision,
            java.util.function.Function<Recommendation, String> sentence) {
        try (OpenSession open = group.root.open(passwordStdin)) {
            Recommendation r = decision.apply(open.services().recommendations(), id);
            group.root.terminal().out().println(sentence.apply(r));
        }
        return 0;
    }
}
