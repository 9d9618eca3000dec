package dev.keyward.automation.discovery.service;

import dev.keyward.automation.discovery.CheckPace;
import dev.keyward.automation.discovery.DiscoveryRun;
import dev.keyward.automation.discovery.DiscoveryRunResult;
import dev.keyward.automation.discovery.FindingAssessor;
import dev.keyward.automation.discovery.FindingHistory;
import dev.keyward.automation.discovery.NetworkSwitch;
import dev.keyward.automation.discovery.ProviderRunResult;
import dev.keyward.automation.discovery.ProviderTarget;
import dev.keyward.automation.discovery.RateLimiter;
import dev.keyward.automation.discovery.RunStatus;
import dev.keyward.automation.discovery.SourceRequest;
import dev.keyward.automation.discovery.Trigger;
import dev.keyward.automation.discovery.classify.FindingClassifier;
import dev.keyward.automation.discovery.classify.FindingWriter;
import dev.keyward.automation.discovery.classify.LlmFindingWriter;
import dev.keyward.automation.discovery.classify.RelevanceScorer;
import dev.keyward.automation.discovery.classify.RuleBasedFindingWriter;
import dev.keyward.automation.discovery.classify.Urgency;
import dev.keyward.automation.discovery.classify.UserContext;
import dev.keyward.automation.net.SafeHttpFetcher;
import dev.keyward.automation.discovery.FindingPage;
import dev.keyward.automation.discovery.FindingQuery;
import dev.keyward.automation.discovery.store.FindingRepository;
import dev.keyward.automation.discovery.FindingStatus;
import dev.keyward.automation.discovery.SearchLogEntry;
import dev.keyward.automation.discovery.store.SearchLogRepository;
import dev.keyward.automation.discovery.store.SourceValidatorRepository;
import dev.keyward.automation.discovery.StoredFinding;
import dev.keyward.vault.session.VaultSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discovery wired to the vault: runs the engine over the profile's providers, stores new findings and one
 * {@code discovery_search_log} row per provider checked (both in one transaction), alerts on urgent findings,
 * and serves the inbox (filtered, cursor-paged), marking and the search log to the CLI and the UI.
 * Close it with the session: it holds the HTTP client. The ETag / Last-Modified of each source live in the vault
 * ({@code discovery_source_validators}), so a later run, in this process or another, sends conditional requests.
 */
public final class DiscoveryService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryService.class);
    /** Seed 002 section 5.3 keeps the search log for 30 days. */
    public static final Duration SEARCH_LOG_RETENTION = Duration.ofDays(30);

    private final VaultSession session;
    private final DiscoveryOptions options;
    private final DiscoveryAlerts alerts;
    private final Clock clock;
    private final VaultConditionalCache validators;
    private final SafeHttpFetcher fetcher;
    private final RateLimiter rateLimiter;
    private final FindingRepository findings;
    private final SearchLogRepository searchLog;
    private final NetworkSwitch networkSwitch;

    public DiscoveryService(VaultSession session) {
        this(session, DiscoveryOptions.defaults(), DiscoveryAlerts.NONE);
    }

    public DiscoveryService(VaultSession session, DiscoveryOptions options, DiscoveryAlerts alerts) {
        this.session = Objects.requireNonNull(session, "session");
        this.options = Objects.requireNonNull(options, "options");
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.clock = session.clock();
        this.validators = new VaultConditionalCache(session);
        this.fetcher = new SafeHttpFetcher(options.fetch(), validators);
        this.rateLimiter = new RateLimiter(clock);
        this.findings = new FindingRepository(session.profileId(), session.redactor()::redact);
        this.searchLog = new SearchLogRepository(session.profileId(), session.redactor()::redact);
        // Read live from the vault: switching it off stops a run between requests.
        this.networkSwitch = () -> session.settings().current().discoveryNetworkEnabled();
    }

    /** Checks every provider discovery watches; see {@link #run(Trigger, String)}. */
    public DiscoveryOutcome run(Trigger trigger) {
        return run(trigger, null);
    }

    /**
     * Checks one provider ({@code providerSlug}) or all (null). Makes no request at all while
     * {@code discovery_network_enabled} is off; honours each provider's discovery flag and the hourly limit.
     */
    public DiscoveryOutcome run(Trigger trigger, String providerSlug) {
        return run(trigger, providerSlug, CheckPace.PACED);
    }

    /**
     * As {@link #run(Trigger, String)}, at {@code pace}: {@link CheckPace#FRESH} is a person's explicit request and
     * checks providers even within their minimum interval.
     */
    public synchronized DiscoveryOutcome run(Trigger trigger, String providerSlug, CheckPace pace) {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(pace, "pace");
        session.enableAutomation();
        boolean networkOn = networkSwitch.discoveryNetworkEnabled();
        UserContext context = networkOn ? VaultUserContext.read(session) : UserContext.empty();
        List<ProviderTarget> targets = VaultProviderTargets.read(session, providerSlug, context, options.minInterval());
        session.database().read(searchLog::lastSearchedByProvider).forEach(rateLimiter::recordRun);
        Optional<ConfiguredLlm> llm = networkOn ? ConfiguredLlm.open(session, options.llmTimeout()) : Optional.empty();
        try {
            LlmFindingWriter llmWriter = llm.map(l -> new LlmFindingWriter(l.client(), l.guard(), context,
                    session.redactor()::redact)).orElse(null);
            FindingWriter writer = llmWriter != null ? llmWriter : new RuleBasedFindingWriter();
            DiscoveryRun run = new DiscoveryRun(fetcher, networkSwitch, rateLimiter,
                    new FindingAssessor(new FindingClassifier(clock), new RelevanceScorer(), writer, clock),
                    history(), () -> context, session.redactor()::redact, clock, options.maxItemAge());
            List<String> storedIds = new ArrayList<>();
            DiscoveryRunResult result = run.run(targets, trigger, pace, r -> storedIds.addAll(store(r)));
            List<StoredFinding> stored = session.database().read(c -> {
                List<StoredFinding> out = new ArrayList<>();
                for (String id : storedIds) {
                    findings.get(c, id).ifPresent(out::add);
                }
                out.sort(Comparator.comparing(StoredFinding::urgency).reversed());
                return out;
            });
            DiscoveryOutcome outcome = new DiscoveryOutcome(result, RunSummaries.of(targets, result), stored,
                    llmWriter == null ? 0 : llmWriter.writtenByLlm());
            alert(stored);
            return outcome;
        } finally {
            validators.discard();
            llm.ifPresent(ConfiguredLlm::close);
        }
    }

    /** One page of the inbox: most urgent first, then newest. */
    public FindingPage inbox(FindingQuery query) {
        if (!session.automationEnabled()) {
            return new FindingPage(List.of(), Optional.empty());
        }
        return session.database().read(c -> findings.page(c, query));
    }

    /** The finding with this id, or with this id prefix (six characters or more). */
    public StoredFinding finding(String idOrPrefix) {
        if (!session.automationEnabled()) {
            throw FindingRepository.notFound(idOrPrefix);
        }
        return session.database().read(c -> findings.get(c, findings.resolveId(c, idOrPrefix)).orElseThrow());
    }

    /** How many findings the user has not looked at yet (the inbox badge). */
    public int unreadCount() {
        if (!session.automationEnabled()) {
            return 0;
        }
        return session.database().read(c -> findings.count(c, FindingStatus.NEW));
    }

    /**
     * Records where the user is with a finding: reviewed, dismissed or actioned set {@code reviewed_at} to now,
     * new clears it; {@code notes} (redacted, at most 2000 characters) replace the old ones unless null.
     */
    public StoredFinding mark(String idOrPrefix, FindingStatus status, String notes) {
        Objects.requireNonNull(status, "status");
        if (!session.automationEnabled()) {
            // Nothing to mark: without the automation schema there are no findings, and marking does not create it.
            throw FindingRepository.notFound(idOrPrefix);
        }
        return session.database().write(c -> {
            String id = findings.resolveId(c, idOrPrefix);
            findings.mark(c, id, status, notes, clock.instant());
            session.audit().record(c, "discovery", "mark", "finding", id,
                    Map.of("status", status.dbValue(), "notes", notes != null));
            return findings.get(c, id).orElseThrow();
        });
    }

    /** The newest search log rows, of one provider (null: all). */
    public List<SearchLogEntry> searchLog(String providerSlug, int limit) {
        if (!session.automationEnabled()) {
            return List.of();
        }
        return session.database().read(c -> searchLog.recent(c, providerSlug, limit));
    }

    /**
     * Applies seed 002's retention to discovery: findings older than {@code discovery_retention_days}, search log
     * rows older than {@link #SEARCH_LOG_RETENTION}, and source validators not confirmed within
     * {@code discovery_retention_days} or of addresses no provider is configured with any more. For the retention
     * job; returns what was deleted.
     */
    public Pruned applyRetention() {
        if (!session.automationEnabled()) {
            return new Pruned(0, 0, 0);
        }
        Instant now = clock.instant();
        int days = session.settings().current().discoveryRetentionDays();
        Set<String> configured = configuredSourceAddresses();
        SourceValidatorRepository sourceValidators = new SourceValidatorRepository(session.profileId());
        return session.database().write(c -> new Pruned(
                findings.deleteDiscoveredBefore(c, now.minus(Duration.ofDays(days))),
                searchLog.deleteSearchedBefore(c, now.minus(SEARCH_LOG_RETENTION)),
                sourceValidators.deleteStale(c, now.minus(Duration.ofDays(days)), configured)));
    }

    /** How many findings, search log rows and stored source validators one retention pass deleted. */
    public record Pruned(int findings, int searchLogRows, int sourceValidators) {
    }

    // Every address a run would fetch today, whether or not the provider is watched right now.
    private Set<String> configuredSourceAddresses() {
        return VaultProviderTargets.read(session, null, VaultUserContext.read(session), options.minInterval())
                .stream()
                .flatMap(t -> t.sources().requests(t.displayName()).stream())
                .map(SourceRequest::url)
                .map(Object::toString)
                .collect(Collectors.toSet());
    }

    private FindingHistory history() {
        return providerId -> {
            int days = session.settings().current().discoveryRetentionDays();
            return session.database().read(c -> findings.known(c, providerId,
                    clock.instant().minus(Duration.ofDays(days))));
        };
    }

    // A provider's findings, its log row and the validators its fetches taught commit together, as soon as the
    // provider is done. A failed provider keeps no validators: its findings may not have been kept.
    private List<String> store(ProviderRunResult result) {
        try {
            return session.database().write(c -> {
                List<String> ids = new ArrayList<>();
                for (var finding : result.findings()) {
                    ids.add(findings.insert(c, finding, clock.instant()));
                }
                searchLog.insert(c, result);
                if (result.status() != RunStatus.FAILED) {
                    validators.commit(c);
                }
                return ids;
            });
        } finally {
            validators.discard();
        }
    }

    private void alert(List<StoredFinding> stored) {
        List<StoredFinding> urgent = stored.stream()
                .filter(f -> f.urgency().compareTo(Urgency.ACTION_NEEDED) >= 0)
                .toList();
        if (urgent.isEmpty()) {
            return;
        }
        try {
            alerts.urgentFindings(urgent);
        } catch (RuntimeException e) {
            // A notification problem must not turn a stored run into a failed one.
            LOG.warn("The discovery alert listener failed ({})", e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        fetcher.close();
    }
}
