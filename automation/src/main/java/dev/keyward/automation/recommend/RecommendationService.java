package dev.keyward.automation.recommend;

import dev.keyward.automation.error.AutomationErrorKind;
import dev.keyward.automation.llm.LlmClient;
import dev.keyward.automation.llm.LlmException;
import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.Fact;
import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.NotFoundException;
import dev.keyward.vault.projects.ProjectFolders;
import dev.keyward.vault.provider.CatalogProvider;
import dev.keyward.vault.provider.ProviderCatalog;
import dev.keyward.vault.provider.ProviderInfo;
import dev.keyward.vault.provider.ProviderService;
import dev.keyward.vault.secrets.SecretInfo;
import dev.keyward.vault.session.VaultSession;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Service recommendations (DESIGN section 7): reads a project's markdown, finds the needs it states,
 * matches them against the provider catalog (preferring providers the user already keeps keys for)
 * and stores {@code service_recommendations} rows with status {@code new}. With an LLM configured the
 * rationales are rewritten, but the providers are always the catalog's.
 *
 * <p>Accepting a recommendation "adds" its provider to the profile: every catalog provider is seeded
 * into a profile when it is created, so normally the provider row exists and accepting records the
 * decision (status {@code accepted} and an audit entry naming the provider). If the row is missing,
 * accepting seeds it from the catalog first and links the recommendation to it.
 */
public final class RecommendationService {

    /** Recommendations stored per need unless the caller asks otherwise. */
    public static final int DEFAULT_PER_NEED = 3;

    private final VaultSession session;
    private final Optional<LlmClient> llm;
    private final ProviderCatalog catalog;
    private final RecommendationRepository repository;
    private final ProjectFolders projects;

    public RecommendationService(VaultSession session, Optional<LlmClient> llm) {
        this(session, llm, ProviderCatalog.bundled());
    }

    RecommendationService(VaultSession session, Optional<LlmClient> llm, ProviderCatalog catalog) {
        this.session = session;
        this.llm = llm;
        this.catalog = catalog;
        this.repository = new RecommendationRepository(session.profileId());
        this.projects = new ProjectFolders(session.profileId());
    }

    /** Scans the root folder recorded for a project. */
    public ScanResult scanProject(String projectName, int perNeed) {
        session.enableAutomation();
        ProjectFolders.ProjectRoot project = session.database().read(c -> projects.require(c, projectName));
        if (project.rootPath() == null) {
            throw new InvalidInputException(AutomationErrorKind.PROJECT_FOLDER_UNKNOWN, ErrorFacts.of(Fact.PROJECT, projectName));
        }
        return scan(Path.of(project.rootPath()), project, perNeed);
    }

    /**
     * Scans a folder; with {@code projectName} the rows belong to that project, and a project without a
     * recorded folder remembers this one.
     */
    public ScanResult scanFolder(Path folder, String projectName, int perNeed) {
        session.enableAutomation();
        ProjectFolders.ProjectRoot project = projectName == null ? null
                : session.database().read(c -> projects.require(c, projectName));
        return scan(folder.toAbsolutePath().normalize(), project, perNeed);
    }

    /** Whether {@code name} names a project of this profile. */
    public boolean isProject(String name) {
        return session.database().read(c -> projects.find(c, name)).isPresent();
    }

    /** The stored recommendations, of one project or all; none while the automation schema is not enabled. */
    public List<Recommendation> list(String projectNameOrNull) {
        boolean automation = session.automationEnabled();
        return session.database().read(c -> {
            String projectId = projectNameOrNull == null ? null : projects.require(c, projectNameOrNull).id();
            return automation ? repository.list(c, projectId) : List.<Recommendation>of();
        });
    }

    /** Marks a recommendation accepted and makes sure its provider is in the profile. */
    public Recommendation accept(String idOrPrefix) {
        return decide(idOrPrefix, "accepted");
    }

    public Recommendation reject(String idOrPrefix) {
        return decide(idOrPrefix, "rejected");
    }

    private ScanResult scan(Path folder, ProjectFolders.ProjectRoot project, int perNeed) {
        if (perNeed < 1 || perNeed > 10) {
            throw new InvalidInputException("Recommendations per need must be from 1 to 10.");
        }
        List<ProjectDocuments.Markdown> documents = ProjectDocuments.read(folder);
        List<DocumentSentence> sentences = new ArrayList<>();
        documents.forEach(d -> sentences.addAll(MarkdownSentences.of(d.relativePath(), d.text())));
        // A README may quote a key by mistake: the need's sentence is shown, stored and prompted only redacted.
        List<Need> needs = NeedFinder.find(sentences).stream()
                .map(n -> new Need(n.capability(), session.redactor().redact(n.requirementText()), n.document(),
                        n.confidence(), n.companions()))
                .toList();
        Set<String> held = session.secrets().list().stream().map(SecretInfo::providerSlug)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        Map<String, String> providerIds = session.providers().list().stream()
                .collect(Collectors.toMap(ProviderInfo::slug, ProviderInfo::id, (a, b) -> a));
        CatalogMatcher matcher = new CatalogMatcher(catalog, held);
        List<String> notes = new ArrayList<>();
        if (documents.isEmpty()) {
            notes.add("No README.md or docs/*.md was found in " + folder + ".");
        }
        List<Recommendation> drafts = new ArrayList<>();
        int refined = 0;
        int ignored = 0;
        boolean askLlm = llm.isPresent();
        String now = session.now();
        for (Need need : needs) {
            List<ProviderMatch> ranked = matcher.rank(need);
            List<ProviderMatch> chosen = ranked.stream().limit(perNeed).toList();
            Map<String, String> rationales = new LinkedHashMap<>();
            chosen.forEach(m -> rationales.put(m.provider().slug(), Rationales.of(need, m, ranked)));
            if (askLlm && !chosen.isEmpty()) {
                try {
                    RationaleRefiner.Refined answer = new RationaleRefiner(llm.get(), session.redactor()::redact)
                            .refine(need, chosen);
                    rationales.putAll(answer.rationales());
                    refined += answer.rationales().size();
                    ignored += answer.ignored();
                } catch (LlmException e) {
                    notes.add(e.getMessage() + " The rule-based rationales were kept.");
                    askLlm = false; // one failure is enough to know the LLM is away: do not wait on it for every need
                }
            }
            drafts.addAll(rows(need, chosen, rationales, providerIds, now, project));
        }
        return finish(folder, project, documents, needs, drafts, refined, ignored, notes);
    }

    private List<Recommendation> rows(Need need, List<ProviderMatch> chosen, Map<String, String> rationales,
            Map<String, String> providerIds, String now, ProjectFolders.ProjectRoot project) {
        List<Recommendation> rows = new ArrayList<>();
        for (ProviderMatch m : chosen) {
            CatalogProvider p = m.provider();
            rows.add(new Recommendation(UUID.randomUUID().toString(), project == null ? null : project.id(),
                    project == null ? null : project.name(), need.requirementText(),
                    need.capability().dbValue(), providerIds.get(p.slug()), p.slug(), p.name(),
                    session.redactor().redact(rationales.get(p.slug())), p.pricingSummary(), p.freeTier(),
                    p.docsUrl() == null ? null : p.docsUrl().toString(), m.score(), "new", now));
        }
        return rows;
    }

    private ScanResult finish(Path folder, ProjectFolders.ProjectRoot project, List<ProjectDocuments.Markdown> documents,
            List<Need> needs, List<Recommendation> all, int refined, int ignored, List<String> notes) {
        int[] known = {0};
        List<Recommendation> added = session.database().write(c -> {
            List<Recommendation> stored = new ArrayList<>();
            for (Recommendation r : all) {
                if (repository.exists(c, r.projectId(), r.capabilityNeeded(), r.recommendedServiceName())) {
                    known[0]++;
                } else {
                    repository.insert(c, r);
                    stored.add(r);
                }
            }
            if (project != null && project.rootPath() == null) {
                projects.recordRoot(c, project.id(), folder.toString(), session.now());
                session.audit().record(c, "project", "set_root_path", "project", project.id(),
                        Map.of("name", project.name()));
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("needs", needs.size());
            details.put("added", stored.size());
            details.put("project", project == null ? "" : project.name());
            session.audit().record(c, "automation", "recommend", "project", project == null ? null : project.id(), details);
            return stored;
        });
        return new ScanResult(documents.stream().map(ProjectDocuments.Markdown::relativePath).toList(), needs, added,
                known[0], refined, ignored, notes);
    }

    private Recommendation decide(String idOrPrefix, String status) {
        session.enableAutomation();
        if (idOrPrefix == null || !idOrPrefix.matches("[0-9a-f-]{4,36}")) {
            throw new InvalidInputException(AutomationErrorKind.RECOMMENDATION_NOT_NAMED, ErrorFacts.NONE);
        }
        return session.database().write(c -> {
            List<Recommendation> found = repository.byIdPrefix(c, idOrPrefix);
            if (found.isEmpty()) {
                throw new NotFoundException(AutomationErrorKind.RECOMMENDATION_NOT_FOUND,
                        ErrorFacts.of(Fact.RECOMMENDATION, idOrPrefix));
            }
            if (found.size() > 1) {
                throw new InvalidInputException("More than one recommendation starts with " + idOrPrefix
                        + "; give more of its id.");
            }
            Recommendation r = found.getFirst();
            String providerId = r.recommendedProviderId();
            boolean seeded = false;
            if ("accepted".equals(status) && providerId == null) {
                providerId = addProvider(c, r);
                seeded = true;
            }
            repository.setStatus(c, r.id(), status, providerId);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("capability", r.capabilityNeeded());
            details.put("service", r.recommendedServiceName());
            details.put("provider_added", seeded);
            session.audit().record(c, "provider", "accepted".equals(status) ? "recommendation_accept"
                    : "recommendation_reject", "service_recommendation", r.id(), details);
            return repository.byIdPrefix(c, r.id()).getFirst();
        });
    }

    /** Seeds the recommended catalog provider into the profile; returns its new row id. */
    private String addProvider(Connection c, Recommendation r) throws SQLException {
        Map<String, CatalogProvider> byName = catalog.all().stream()
                .collect(Collectors.toMap(CatalogProvider::name, Function.identity(), (a, b) -> a));
        CatalogProvider p = byName.get(r.recommendedServiceName());
        if (p == null) {
            throw new NotFoundException(r.recommendedServiceName() + " is no longer in Keyward's provider catalog,"
                    + " so it cannot be added; reject this recommendation instead.");
        }
        ProviderService.seedFromCatalog(c, session.profileId(), session.now());
        ProviderService.seedAutomationColumns(c, session.profileId());
        return session.providers().requireId(c, p.slug());
    }
}
