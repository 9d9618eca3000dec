package dev.keyward.automation.dashboard.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyward.automation.dashboard.CollectionMethod;
import dev.keyward.automation.dashboard.CollectionResult;
import dev.keyward.automation.dashboard.CollectionStatus;
import dev.keyward.automation.dashboard.FailureCause;
import dev.keyward.automation.dashboard.HealthStatus;
import dev.keyward.automation.dashboard.KeyTarget;
import dev.keyward.automation.dashboard.ServiceStatus;
import dev.keyward.automation.dashboard.admin.AdminKeyFormat;
import dev.keyward.automation.dashboard.admin.HintCheck;
import dev.keyward.automation.dashboard.admin.InventoryKey;
import dev.keyward.automation.dashboard.admin.InventoryMatcher;
import dev.keyward.automation.dashboard.admin.KeyMatch;
import dev.keyward.automation.dashboard.admin.OrganizationReport;
import dev.keyward.automation.dashboard.admin.UsageRow;
import dev.keyward.automation.dashboard.collect.AdminCollector;
import dev.keyward.automation.dashboard.collect.AnthropicAdminCollector;
import dev.keyward.automation.dashboard.collect.CollectorRequest;
import dev.keyward.automation.dashboard.collect.OpenAiAdminCollector;
import dev.keyward.automation.dashboard.collect.ProviderHttp;
import dev.keyward.automation.dashboard.refresh.KeyRefreshResult;
import dev.keyward.automation.dashboard.store.AdminRepository;
import dev.keyward.automation.dashboard.WatchedKey;
import dev.keyward.vault.session.VaultSession;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin-key part of a dashboard refresh: finds the admin keys among the watched keys, reads each
 * organisation (usage, cost, key inventory), matches the inventory to vault secrets, stores it all in
 * one transaction per organisation, and gives each matched key its per-day figures for its snapshot.
 */
final class OrganizationRefresh {

    /** Days of usage and cost read at each refresh (one page of 1d buckets at both providers). */
    static final int DAYS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the refresh produced: one snapshot per admin key and the usage object of each matched secret. */
    record Outcome(List<KeyRefreshResult> adminSnapshots, Map<String, ObjectNode> usageBySecret) {
    }

    private final VaultSession session;
    private final ProviderHttp http;
    private final Duration timeout;
    private final AdminRepository repository;

    OrganizationRefresh(VaultSession session, ProviderHttp http, Duration timeout) {
        this.session = session;
        this.http = http;
        this.timeout = timeout;
        this.repository = new AdminRepository(session.profileId());
    }

    /** The admin keys among {@code keys}: marked by hand, or in a provider's admin key format. */
    List<WatchedKey> adminKeys(List<WatchedKey> keys) {
        Map<String, String> roles = session.database().read(repository::adminRoles);
        List<WatchedKey> admin = new ArrayList<>();
        for (WatchedKey key : keys) {
            if (!AdminKeyFormat.supports(key.providerSlug())) {
                continue;
            }
            if (key.providerSlug().equals(roles.get(key.secretId())) || formatSays(key)) {
                admin.add(key);
            }
        }
        return admin;
    }

    private boolean formatSays(WatchedKey key) {
        char[] value = session.database().read(c -> session.secrets().revealQuietly(c, key.secretId()));
        try {
            return AdminKeyFormat.providerOf(value).filter(key.providerSlug()::equals).isPresent();
        } finally {
            if (value != null) {
                Arrays.fill(value, '\0');
            }
        }
    }

    /** Reads every admin key's organisation; {@code others} are the watched keys that are not admin keys. */
    Outcome refresh(List<WatchedKey> adminKeys, List<WatchedKey> others) {
        List<KeyRefreshResult> snapshots = new ArrayList<>();
        Map<String, ObjectNode> usage = new HashMap<>();
        for (WatchedKey admin : adminKeys) {
            Instant now = session.clock().instant();
            KeyTarget target = new KeyTarget(admin.secretId(), admin.providerId(), admin.providerSlug(),
                    ApiCollectors.baseUrl(admin), admin.keyDate(), admin.expiresAt());
            CollectionResult result;
            try {
                result = refreshOne(admin, others, now, usage);
            } catch (RuntimeException e) {
                // Readers report answers as notes; an exception is a defect or a storage failure, named by type only.
                result = CollectionResult.failed(CollectionMethod.API, HealthStatus.UNKNOWN, FailureCause.COLLECTOR_DEFECT,
                        "Reading the organisation stopped with an internal error (" + e.getClass().getSimpleName() + ").");
            }
            snapshots.add(new KeyRefreshResult(target, now, result.redactedBy(session.redactor()::redact), 1));
        }
        return new Outcome(snapshots, usage);
    }

    private CollectionResult refreshOne(WatchedKey admin, List<WatchedKey> others, Instant now,
                                        Map<String, ObjectNode> usageBySecret) {
        URI base = ApiCollectors.baseUrl(admin);
        if (base == null) {
            base = URI.create(admin.providerSlug().equals("openai") ? "https://api.openai.com" : "https://api.anthropic.com");
        }
        AdminCollector collector = admin.providerSlug().equals("openai")
                ? new OpenAiAdminCollector(http) : new AnthropicAdminCollector(http);
        Instant since = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(DAYS).atStartOfDay(ZoneOffset.UTC).toInstant();
        char[] key = session.database().read(c -> session.secrets().revealQuietly(c, admin.secretId()));
        if (key == null) {
            return CollectionResult.failed(CollectionMethod.API, HealthStatus.UNKNOWN, FailureCause.KEY_UNAVAILABLE,
                    "The admin key could not be read from the vault; unlock the vault and refresh again.");
        }
        OrganizationReport report;
        try (CollectorRequest request = new CollectorRequest(admin.providerSlug(), base, key, timeout)) {
            report = collector.collect(request, since);
        } finally {
            Arrays.fill(key, '\0');
        }
        if (report.keyRejected()) {
            return CollectionResult.failed(CollectionMethod.API, HealthStatus.INVALID, FailureCause.KEY_REJECTED,
                    report.notes().get(0));
        }
        List<WatchedKey> providerKeys = others.stream().filter(k -> k.providerId().equals(admin.providerId())).toList();
        List<KeyMatch> matches = session.database().write(c -> {
            Map<String, String> confirmed = repository.confirmations(c, admin.providerId());
            List<KeyMatch> matched = InventoryMatcher.match(report.inventory(),
                    providerKeys.stream().map(WatchedKey::secretId).toList(), confirmed, this::fits);
            if (report.inventoryComplete() || !report.inventory().isEmpty()) {
                repository.storeInventory(c, admin.providerId(), matched, report.inventoryComplete(), now);
            }
            repository.storeUsage(c, admin.providerId(), report.usage());
            repository.storeCosts(c, admin.providerId(), report.costs());
            writeSummaries(c, admin.providerId(), matched, new KeyDays(report, matched));
            return matched;
        });
        KeyDays keyDays = new KeyDays(report, matches);
        matches.stream().filter(m -> m.secretId() != null)
                .forEach(m -> usageBySecret.put(m.secretId(), keyUsage(m, report, keyDays)));
        return adminResult(report, matches);
    }

    private boolean fits(String secretId, String hint) {
        char[] value = session.database().read(c -> session.secrets().revealQuietly(c, secretId));
        try {
            return HintCheck.fits(value, hint);
        } finally {
            if (value != null) {
                Arrays.fill(value, '\0');
            }
        }
    }

    private void writeSummaries(java.sql.Connection c, String providerId, List<KeyMatch> matches, KeyDays keyDays)
            throws java.sql.SQLException {
        for (KeyMatch match : matches) {
            if (match.secretId() == null) {
                continue;
            }
            for (Map.Entry<LocalDate, KeyDays.Day> day : keyDays.of(match).entrySet()) {
                KeyDays.Day figures = day.getValue();
                repository.storeDailySummary(c, match.secretId(), providerId, day.getKey().toString(), figures.requests(),
                        figures.inputTokens(), figures.outputTokens(), figures.cost(), figures.currency());
            }
        }
    }

    /** The {@code admin_api} object of a matched key's {@code usage_stats_json}. */
    private static ObjectNode keyUsage(KeyMatch match, OrganizationReport report, KeyDays keyDays) {
        InventoryKey key = match.key();
        ObjectNode node = JSON.createObjectNode();
        node.put("provider_key_id", key.upstreamId());
        node.put("status", key.status());
        putInstant(node, "created_at", key.createdAt());
        putInstant(node, "last_used_at", lastUsed(key, report.usage()));
        putInstant(node, "expires_at", key.expiresAt());
        if (key.owner() != null) {
            node.put("owner", key.owner());
        }
        if (key.scopeId() != null) {
            node.put("scope_id", key.scopeId());
        }
        ArrayNode days = node.putArray("daily");
        long requests = 0;
        long input = 0;
        long output = 0;
        Map<String, Double> costByCurrency = new LinkedHashMap<>();
        for (Map.Entry<LocalDate, KeyDays.Day> day : keyDays.of(match).entrySet()) {
            KeyDays.Day figures = day.getValue();
            ObjectNode entry = days.addObject();
            entry.put("date", day.getKey().toString());
            if (figures.requests() >= 0) {
                entry.put("requests", figures.requests());
                requests += figures.requests();
            }
            entry.put("input_tokens", figures.inputTokens());
            entry.put("output_tokens", figures.outputTokens());
            if (figures.cost() != null) {
                entry.put("cost", cents(figures.cost()));
                entry.put("currency", figures.currency());
                costByCurrency.merge(figures.currency(), figures.cost(), Double::sum);
            }
            input += figures.inputTokens();
            output += figures.outputTokens();
        }
        node.put("requests_30d", requests);
        node.put("input_tokens_30d", input);
        node.put("output_tokens_30d", output);
        KeyDays.CostBasis basis = keyDays.basis(match);
        node.put("cost_basis", basis.name().toLowerCase(java.util.Locale.ROOT));
        if (basis != KeyDays.CostBasis.NONE && report.costsRead() && costByCurrency.size() <= 1) {
            // Read in full with nothing attributed to the key is a cost of zero, not an unknown one.
            Map.Entry<String, Double> only = costByCurrency.isEmpty() ? null : costByCurrency.entrySet().iterator().next();
            node.put("cost_30d", only == null ? 0.0 : cents(only.getValue()));
            if (only != null) {
                node.put("cost_currency", only.getKey());
            }
        }
        ArrayNode models = node.putArray("models");
        report.usage().stream().filter(r -> r.upstreamId().equals(key.upstreamId()) && !r.model().isEmpty())
                .map(UsageRow::model).distinct().sorted().forEach(models::add);
        return node;
    }

    private static double cents(double amount) {
        return Math.round(amount * 100.0) / 100.0;
    }

    /** The later of the inventory's last use and the last day usage shows (Anthropic lists no last use). */
    static Instant lastUsed(InventoryKey key, List<UsageRow> usage) {
        Instant fromUsage = usage.stream().filter(r -> r.upstreamId().equals(key.upstreamId())
                        && (r.requests() > 0 || r.inputTokens() > 0 || r.outputTokens() > 0))
                .map(r -> r.day().atStartOfDay(ZoneOffset.UTC).toInstant()).max(Instant::compareTo).orElse(null);
        if (key.lastUsedAt() == null) {
            return fromUsage;
        }
        return fromUsage == null || key.lastUsedAt().isAfter(fromUsage) ? key.lastUsedAt() : fromUsage;
    }

    private static void putInstant(ObjectNode node, String field, Instant value) {
        if (value != null) {
            node.put(field, value.toString());
        }
    }

    private static CollectionResult adminResult(OrganizationReport report, List<KeyMatch> matches) {
        ObjectNode org = JSON.createObjectNode();
        org.put("keys_listed", report.inventory().size());
        org.put("keys_matched", matches.stream().filter(m -> m.secretId() != null).count());
        org.put("requests_30d", report.usage().stream().mapToLong(r -> Math.max(0, r.requests())).sum());
        org.put("input_tokens_30d", report.usage().stream().mapToLong(UsageRow::inputTokens).sum());
        org.put("output_tokens_30d", report.usage().stream().mapToLong(UsageRow::outputTokens).sum());
        Map<String, Double> costByCurrency = new LinkedHashMap<>();
        report.costs().forEach(r -> costByCurrency.merge(r.currency(), r.amount(), Double::sum));
        if (costByCurrency.size() == 1) {
            Map.Entry<String, Double> only = costByCurrency.entrySet().iterator().next();
            org.put("cost_30d", cents(only.getValue()));
            org.put("cost_currency", only.getKey());
        }
        ObjectNode usage = JSON.createObjectNode();
        usage.set("admin_api", org);
        List<String> warnings = new ArrayList<>();
        long collisions = matches.stream().filter(KeyMatch::collision).count();
        if (collisions > 0) {
            warnings.add(collisions + " provider key(s) fit more than one vault key by their hints; confirm which is which"
                    + " to see their usage.");
        }
        boolean partial = !report.notes().isEmpty();
        return new CollectionResult(CollectionMethod.API, partial ? CollectionStatus.PARTIAL : CollectionStatus.SUCCESS,
                usage.toString(), null, null, HealthStatus.VALID, ServiceStatus.UNKNOWN, warnings,
                partial ? String.join(" ", report.notes()) : null,
                partial ? FailureCause.UNEXPECTED_STATUS : FailureCause.NONE);
    }
}
