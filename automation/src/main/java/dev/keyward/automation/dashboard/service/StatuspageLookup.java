package dev.keyward.automation.dashboard.service;

import dev.keyward.automation.dashboard.ServiceStatus;
import dev.keyward.automation.dashboard.refresh.ProviderStatusLookup;
import dev.keyward.automation.feeds.StatusPageReader;
import dev.keyward.automation.net.FetchSettings;
import dev.keyward.automation.net.InMemoryConditionalCache;
import dev.keyward.automation.net.SafeHttpFetcher;
import dev.keyward.automation.feeds.IncidentState;
import dev.keyward.automation.feeds.ParseResult;
import dev.keyward.automation.feeds.SourceItem;
import dev.keyward.automation.feeds.SourceKind;
import dev.keyward.automation.dashboard.WatchedKey;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each provider's status page says, read through discovery's {@link StatusPageReader} (the same fetcher and
 * parsers: Statuspage-compatible {@code summary.json}, or the page's RSS/Atom incident feed); fetched at most once
 * per provider and refresh run. An ongoing major or critical incident is an outage; any other ongoing incident, a
 * degraded component or maintenance in progress is degraded; no status page, an unreachable one or one whose format
 * is not understood is unknown, never operational.
 */
final class StatuspageLookup implements ProviderStatusLookup, AutoCloseable {

    private final Map<String, URI> summaries;
    private final SafeHttpFetcher fetcher;
    private final StatusPageReader reader;
    private final Map<String, ServiceStatus> seen = new ConcurrentHashMap<>();

    StatuspageLookup(Map<String, URI> summariesBySlug, FetchSettings settings) {
        this.summaries = Map.copyOf(summariesBySlug);
        this.fetcher = new SafeHttpFetcher(settings, new InMemoryConditionalCache());
        this.reader = new StatusPageReader(fetcher);
    }

    /** The summary.json address of every provider of {@code keys} that has a status page. */
    static Map<String, URI> summaryUrls(List<WatchedKey> keys) {
        Map<String, URI> out = new HashMap<>();
        for (WatchedKey key : keys) {
            URI summary = summaryUrl(key);
            if (summary != null) {
                out.put(key.providerSlug(), summary);
            }
        }
        return out;
    }

    /**
     * {@code <status_page_url>/api/v2/summary.json}, or the URL itself when it already names a JSON
     * document. Practice Cloud serves its status page beside its API under {@code /status}, so
     * without a status page URL its API or dashboard origin is used.
     */
    static URI summaryUrl(WatchedKey key) {
        String page = key.statusPageUrl();
        if ((page == null || page.isBlank()) && "practice-cloud".equals(key.providerSlug())) {
            String origin = origin(key.apiBaseUrl() != null ? key.apiBaseUrl() : key.dashboardUrl());
            page = origin == null ? null : origin + "/status";
        }
        if (page == null || page.isBlank()) {
            return null;
        }
        String trimmed = page.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            return URI.create(trimmed.endsWith(".json") ? trimmed : trimmed + "/api/v2/summary.json");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public ServiceStatus statusOf(String providerSlug) {
        URI summary = summaries.get(providerSlug);
        if (summary == null) {
            return ServiceStatus.UNKNOWN;
        }
        return seen.computeIfAbsent(providerSlug, slug -> fetch(summary));
    }

    private ServiceStatus fetch(URI summary) {
        StatusPageReader.Reading reading = reader.readSummary(summary);
        if (!(reading.result() instanceof ParseResult.Parsed items)) {
            return ServiceStatus.UNKNOWN;
        }
        return statusOf(items.items());
    }

    static ServiceStatus statusOf(List<SourceItem> items) {
        ServiceStatus worst = ServiceStatus.OPERATIONAL;
        for (SourceItem item : items) {
            IncidentState state = item.incident();
            if (state == null || state.phase() != IncidentState.Phase.ONGOING) {
                continue;
            }
            boolean major = item.sourceKind() == SourceKind.STATUS_INCIDENT
                    && (state.impact() == IncidentState.Impact.MAJOR || state.impact() == IncidentState.Impact.CRITICAL);
            if (major) {
                return ServiceStatus.OUTAGE;
            }
            worst = ServiceStatus.DEGRADED;
        }
        return worst;
    }

    private static String origin(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void close() {
        fetcher.close();
    }
}
