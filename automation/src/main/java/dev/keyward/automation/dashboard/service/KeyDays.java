package dev.keyward.automation.dashboard.service;

import dev.keyward.automation.dashboard.admin.CostRow;
import dev.keyward.automation.dashboard.admin.KeyMatch;
import dev.keyward.automation.dashboard.admin.OrganizationReport;
import dev.keyward.automation.dashboard.admin.UsageRow;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One provider key's figures per UTC day from an organisation report: requests, tokens and cost. Cost comes from
 * rows the provider attributed to the key (OpenAI costs and Anthropic's cost analytics grouped by {@code api_key_id});
 * when the provider only reported cost per project or workspace (Anthropic's legacy cost report), a key gets its
 * scope's cost only while it is the scope's one active key, since anything else would be a guess.
 */
final class KeyDays {

    /** One day: requests (-1 when the provider does not count them), tokens, and cost (null when unknown). */
    record Day(long requests, long inputTokens, long outputTokens, Double cost, String currency) {
    }

    /** How a key's cost was found: from rows for the key itself, from its scope as the scope's only key, or not at all. */
    enum CostBasis { PER_KEY, ONLY_KEY_OF_SCOPE, NONE }

    private final OrganizationReport report;
    private final boolean costsPerKey;
    private final Map<String, Long> activeKeysPerScope = new HashMap<>();

    KeyDays(OrganizationReport report, List<KeyMatch> matches) {
        this.report = report;
        this.costsPerKey = report.costs().stream().anyMatch(CostRow::perKey);
        matches.stream().filter(m -> m.key().active() && !m.key().adminKey())
                .forEach(m -> activeKeysPerScope.merge(String.valueOf(m.key().scopeId()), 1L, Long::sum));
    }

    CostBasis basis(KeyMatch match) {
        if (costsPerKey) {
            return CostBasis.PER_KEY;
        }
        String scope = match.key().scopeId();
        return scope != null && activeKeysPerScope.getOrDefault(scope, 0L) == 1 ? CostBasis.ONLY_KEY_OF_SCOPE : CostBasis.NONE;
    }

    /** The key's days in date order: every day with usage or with cost attributed to it. */
    Map<LocalDate, Day> of(KeyMatch match) {
        String upstreamId = match.key().upstreamId();
        Map<LocalDate, long[]> usage = new TreeMap<>();
        for (UsageRow row : report.usage()) {
            if (!row.upstreamId().equals(upstreamId)) {
                continue;
            }
            long[] sums = usage.computeIfAbsent(row.day(), d -> new long[] {-1, 0, 0});
            if (row.requests() >= 0) {
                sums[0] = Math.max(0, sums[0]) + row.requests();
            }
            sums[1] += row.inputTokens();
            sums[2] += row.outputTokens();
        }
        Map<LocalDate, Map<String, Double>> costs = costs(match);
        Map<LocalDate, Day> days = new TreeMap<>();
        for (LocalDate day : union(usage.keySet(), costs.keySet())) {
            long[] sums = usage.getOrDefault(day, new long[] {-1, 0, 0});
            Map<String, Double> byCurrency = costs.getOrDefault(day, Map.of());
            // Two currencies on one day cannot be added up; the day's cost is then left unknown rather than wrong.
            Map.Entry<String, Double> only = byCurrency.size() == 1 ? byCurrency.entrySet().iterator().next() : null;
            days.put(day, new Day(sums[0], sums[1], sums[2], only == null ? null : only.getValue(),
                    only == null ? null : only.getKey()));
        }
        return days;
    }

    private Map<LocalDate, Map<String, Double>> costs(KeyMatch match) {
        Map<LocalDate, Map<String, Double>> costs = new TreeMap<>();
        CostBasis basis = basis(match);
        for (CostRow row : report.costs()) {
            boolean counts = switch (basis) {
                case PER_KEY -> row.upstreamId().equals(match.key().upstreamId());
                case ONLY_KEY_OF_SCOPE -> row.scopeId().equals(match.key().scopeId());
                case NONE -> false;
            };
            if (counts) {
                costs.computeIfAbsent(row.day(), d -> new LinkedHashMap<>()).merge(row.currency(), row.amount(), Double::sum);
            }
        }
        return costs;
    }

    private static java.util.SortedSet<LocalDate> union(java.util.Set<LocalDate> a, java.util.Set<LocalDate> b) {
        java.util.SortedSet<LocalDate> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
