package dev.keyward.automation.dashboard.service;

import dev.keyward.automation.dashboard.CollectionStatus;
import dev.keyward.automation.dashboard.KeyTarget;
import dev.keyward.automation.dashboard.WarningRules;
import dev.keyward.automation.dashboard.refresh.DashboardRefresher;
import dev.keyward.automation.dashboard.refresh.KeyRefreshResult;
import dev.keyward.automation.dashboard.refresh.RefreshListener;
import dev.keyward.automation.dashboard.refresh.RefreshSeams;
import dev.keyward.automation.dashboard.refresh.RefreshSettings;
import dev.keyward.automation.dashboard.refresh.ScrapeCollector;
import dev.keyward.automation.dashboard.scrape.PlaywrightScrapeCollector;
import dev.keyward.automation.dashboard.DashboardCard;
import dev.keyward.automation.dashboard.ProviderIncident;
import dev.keyward.automation.dashboard.store.ProjectIncidents;
import dev.keyward.automation.dashboard.store.DailySummaryRepository;
import dev.keyward.automation.dashboard.ProviderSelector;
import dev.keyward.automation.dashboard.store.SelectorRepository;
import dev.keyward.automation.dashboard.store.SelectorSeed;
import dev.keyward.automation.dashboard.store.SnapshotRepository;
import dev.keyward.automation.dashboard.WatchedKey;
import dev.keyward.automation.dashboard.store.WatchedKeyQuery;
import dev.keyward.automation.dashboard.admin.AdminKeyFormat;
import dev.keyward.automation.dashboard.hygiene.HygieneService;
import dev.keyward.automation.dashboard.store.AdminRepository;
import dev.keyward.automation.error.AutomationErrorKind;
import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.Fact;
import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.NotFoundException;
import dev.keyward.vault.secrets.SecretInfo;
import dev.keyward.vault.session.VaultSession;
import dev.keyward.vault.settings.ProfileSettings;
import dev.keyward.vault.settings.Setting;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dashboard of an unlocked profile: refreshes snapshots (API, else scrape, else cached), stores
 * each one as soon as its key is done, and answers the overview the CLI and the window show.
 * Refreshing is not guarded against overlap here; the scheduler's job is (see
 * {@code DashboardRefreshJob}).
 */
public final class DashboardService {

    private final VaultSession session;
    private final DashboardConfig config;
    private final DashboardAlerts alerts = new DashboardAlerts();
    private final SnapshotRepository snapshots;
    private final SelectorRepository selectors;

    public DashboardService(VaultSession session) {
        this(session, DashboardConfig.defaults());
    }

    public DashboardService(VaultSession session, DashboardConfig config) {
        this.session = Objects.requireNonNull(session, "session");
        this.config = Objects.requireNonNull(config, "config");
        this.snapshots = new SnapshotRepository(session.profileId(), session.redactor()::redact);
        this.selectors = new SelectorRepository(session.profileId());
    }

    /** Drift alerts raised by this service's refreshes; the UI subscribes here. */
    public DashboardAlerts alerts() {
        return alerts;
    }

    /**
     * Refreshes every watched key. {@code unattended} runs (the scheduler's) scrape dashboards only
     * when {@code autonomous_mode_enabled} is on; a user's own refresh always may.
     *
     * @param progress hears each key as soon as its snapshot is stored
     */
    public RefreshReport refreshAll(boolean unattended, RefreshListener progress) throws InterruptedException {
        session.enableAutomation();
        return refresh(session.database().read(c -> new WatchedKeyQuery(session.profileId()).all(c)), unattended, progress);
    }

    /** Refreshes one key, by secret name, as the user asked for it. */
    public RefreshReport refreshSecret(String secretName, RefreshListener progress) throws InterruptedException {
        session.enableAutomation();
        List<WatchedKey> keys = session.database().read(c -> new WatchedKeyQuery(session.profileId()).named(c, secretName));
        if (keys.isEmpty()) {
            SecretInfo info = session.secrets().info(secretName);
            throw new NotFoundException(AutomationErrorKind.SECRET_WITHOUT_PROVIDER, ErrorFacts.of(Fact.SECRET, info.name()));
        }
        return refresh(keys, false, progress);
    }

    /**
     * One card per watched key with its latest snapshot, in name order. A read: while the automation
     * schema is not enabled there is nothing to show, and reading does not enable it.
     */
    public List<DashboardCard> overview() {
        return view().cards();
    }

    /**
     * The providers of {@code projectName}'s keys whose newest snapshot reports degraded or outage, by slug. A read of
     * stored status data only (no network); empty while the automation schema is not enabled.
     */
    public List<ProviderIncident> incidents(String projectName) {
        if (!session.automationEnabled()) {
            return List.of();
        }
        return session.database().read(c -> new ProjectIncidents(session.profileId()).forProject(c, projectName));
    }

    /** The cards and the watched keys, read together; empty while the automation schema is not enabled. */
    public DashboardView view() {
        if (!session.automationEnabled()) {
            return new DashboardView(List.of(), List.of());
        }
        return session.database().read(c -> new DashboardView(snapshots.overview(c),
                new WatchedKeyQuery(session.profileId()).all(c)));
    }

    /** A key's daily summaries and its snapshots since {@code since}, for its charts; empty while automation is off. */
    public KeyHistory history(String secretId, Instant since) {
        if (!session.automationEnabled()) {
            return KeyHistory.empty();
        }
        return session.database().read(c -> new KeyHistory(
                new DailySummaryRepository(session.profileId()).forSecret(c, secretId),
                snapshots.figuresSince(c, secretId, since)));
    }

    /** The key-hygiene report ("Watchtower") over what the admin APIs reported at the last refreshes. */
    public HygieneService hygiene() {
        return new HygieneService(session, this::adminKeyIds);
    }

    /**
     * The ids of the vault's admin keys: marked by hand, or in a provider's admin key format. A read: while the
     * automation schema is not enabled no key was ever read as an admin key, so there are none.
     */
    public Set<String> adminKeyIds() {
        if (!session.automationEnabled()) {
            return Set.of();
        }
        List<WatchedKey> keys = session.database().read(c -> new WatchedKeyQuery(session.profileId()).all(c));
        return new OrganizationRefresh(session, config.http(), config.refresh().requestTimeout()).adminKeys(keys).stream()
                .map(WatchedKey::secretId).collect(Collectors.toSet());
    }

    /**
     * Marks a secret as the admin key of its provider, so refreshes read the organisation with it; a key in
     * the provider's admin format needs no mark. {@code admin} false removes the mark.
     */
    public void markAdminKey(String secretName, boolean admin) {
        session.enableAutomation();
        session.database().write(c -> {
            SecretInfo secret = session.secrets().require(c, secretName);
            AdminRepository repository = new AdminRepository(session.profileId());
            if (admin) {
                if (!AdminKeyFormat.supports(secret.providerSlug())) {
                    throw new InvalidInputException("Keyward reads organisations with admin keys of openai and anthropic only; '"
                            + secret.name() + "' belongs to " + (secret.providerSlug() == null ? "no provider"
                            : secret.providerSlug()) + ". Nothing was changed.");
                }
                repository.setAdminRole(c, secret.id(), secret.providerSlug(), session.clock().instant());
            } else {
                repository.clearAdminRole(c, secret.id());
            }
            session.audit().record(c, "dashboard", admin ? "admin_key_mark" : "admin_key_unmark", "secret", secret.id(),
                    Map.of("provider", String.valueOf(secret.providerSlug())));
            return null;
        });
    }

    /**
     * Every selector version of a provider, with Keyward's own version 1 where it ships one and none is stored yet
     * (stored at the next refresh or selector change; such a selector has no id). A read: it neither stores the
     * shipped versions nor enables the automation schema.
     */
    public List<ProviderSelector> selectors(String providerSlug) {
        String providerId = session.providers().get(providerSlug).id();
        List<ProviderSelector> stored = session.automationEnabled()
                ? session.database().read(c -> selectors.all(c, providerId)) : List.of();
        return SelectorSeed.withUnstored(stored, providerId, SelectorSeed.forProvider(providerSlug));
    }

    /** Adds the next version of a selector, e.g. after drift; the scraper uses it from the next refresh. */
    public ProviderSelector addSelector(String providerSlug, String dataType, String selectorType, String selectorValue) {
        session.enableAutomation();
        String providerId = session.providers().get(providerSlug).id();
        seedSelectors(Map.of(providerSlug, providerId));
        return session.database().write(c -> {
            ProviderSelector added = selectors.addVersion(c, providerId, dataType, selectorType, selectorValue, session.now());
            session.audit().record(c, "dashboard", "selector_add", "provider", providerId,
                    Map.of("provider", providerSlug, "data_type", dataType, "version", added.version()));
            return added;
        });
    }

    private RefreshReport refresh(List<WatchedKey> keys, boolean unattended, RefreshListener progress)
            throws InterruptedException {
        ProfileSettings settings = session.settings().current();
        Map<String, String> providerIds = new LinkedHashMap<>();
        keys.forEach(k -> providerIds.putIfAbsent(k.providerSlug(), k.providerId()));
        seedSelectors(providerIds);
        ScrapePlans.Plans plans = ScrapePlans.build(session, selectors, keys, unattended && !settings.autonomousModeEnabled());
        Map<String, String> names = new ConcurrentHashMap<>();
        keys.forEach(k -> names.put(k.secretId(), k.secretName()));
        OrganizationRefresh organizations = new OrganizationRefresh(session, config.http(), config.refresh().requestTimeout());
        List<WatchedKey> adminKeys = organizations.adminKeys(keys);
        List<WatchedKey> regularKeys = keys.stream().filter(k -> !adminKeys.contains(k)).toList();
        OrganizationRefresh.Outcome organization = organizations.refresh(adminKeys, regularKeys);
        for (KeyRefreshResult adminSnapshot : organization.adminSnapshots()) {
            session.database().write(c -> snapshots.insert(c, adminSnapshot));
            progress.refreshed(adminSnapshot);
        }
        try (StatuspageLookup statusPages = new StatuspageLookup(StatuspageLookup.summaryUrls(keys), config.statusFetch());
             PlaywrightScrapeCollector scraper = new PlaywrightScrapeCollector(plans.bySlug(), this::readSecretNamed,
                     new SelectorDriftRecorder(session, selectors, alerts), config.browser(), browserSetting())) {
            DashboardRefresher refresher = new DashboardRefresher(ApiCollectors.forKeys(keys, config.http()),
                    seams(scraper, statusPages), refreshSettings(settings),
                    new WarningRules(80.0, settings.keyAgeWarningDays(), 14), config.timing());
            List<KeyTarget> targets = regularKeys.stream().map(DashboardService::target).toList();
            List<KeyRefreshResult> results = new java.util.ArrayList<>(organization.adminSnapshots());
            results.addAll(refresher.refresh(targets, collected -> {
                KeyRefreshResult refreshed = OrganizationUsage.merged(collected, organization.usageBySecret());
                session.database().write(c -> snapshots.insert(c, refreshed));
                progress.refreshed(refreshed);
            }).stream().map(r -> OrganizationUsage.merged(r, organization.usageBySecret())).toList());
            RefreshReport report = new RefreshReport(results,
                    results.stream().map(r -> names.get(r.target().secretId())).toList(), plans.note());
            // The models a key used just arrived: a deprecation of one of them is more urgent now.
            hygiene().raiseUrgencies();
            recordRun(report, unattended);
            return report;
        }
    }

    private RefreshSeams seams(ScrapeCollector scraper, StatuspageLookup statusPages) {
        return RefreshSeams.apiOnly(
                        secretId -> session.database().read(c -> session.secrets().revealQuietly(c, secretId)),
                        session.redactor()::redact)
                .withScraper(scraper)
                .withLastSnapshots(secretId -> session.database().read(c -> snapshots.lastGood(c, secretId)))
                .withStatusPages(statusPages);
    }

    private RefreshSettings refreshSettings(ProfileSettings settings) {
        return config.refresh().withMaxAttempts(Math.max(1, Math.min(10, settings.automationMaxRetries())));
    }

    private String browserSetting() {
        Object configured = session.settings().values().get(Setting.BROWSER_EXECUTABLE);
        return configured == null ? null : configured.toString();
    }

    private char[] readSecretNamed(String name) {
        return session.database().read(c -> {
            SecretInfo info = session.secrets().findByNameIn(c, name);
            return info == null ? null : session.secrets().revealQuietly(c, info.id());
        });
    }

    private void seedSelectors(Map<String, String> providerIdsBySlug) {
        providerIdsBySlug.forEach((slug, providerId) -> {
            List<SelectorSeed> seeds = SelectorSeed.forProvider(slug);
            if (!seeds.isEmpty()) {
                session.database().write(c -> selectors.seedVersionOne(c, providerId, seeds, session.now()));
            }
        });
    }

    /** One audit row per run: the keys' values were read to collect them, and what came of it. */
    private void recordRun(RefreshReport report, boolean unattended) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("keys", report.results().size());
        details.put("success", report.count(CollectionStatus.SUCCESS));
        details.put("partial", report.count(CollectionStatus.PARTIAL));
        details.put("failed", report.count(CollectionStatus.FAILED));
        details.put("unattended", unattended);
        session.database().write(c -> {
            session.audit().record(c, "dashboard", "refresh", "profile", session.profileId(), details);
            return null;
        });
    }

    private static KeyTarget target(WatchedKey key) {
        return new KeyTarget(key.secretId(), key.providerId(), key.providerSlug(), ApiCollectors.baseUrl(key),
                key.keyDate(), key.expiresAt());
    }
}
