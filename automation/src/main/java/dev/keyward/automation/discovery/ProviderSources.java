package dev.keyward.automation.discovery;

import dev.keyward.automation.feeds.WebAddresses;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The configurable addresses watched for one provider, each optional: an Atlassian Statuspage base URL,
 * a changelog feed (RSS or Atom), and a SearXNG-compatible search endpoint with a query template in which
 * {@code {provider}} stands for the provider's name.
 */
public record ProviderSources(URI statusPageBase, URI changelogFeed, URI searchEndpoint, String searchQueryTemplate) {

    /** Used when a search endpoint is configured without a template. */
    public static final String DEFAULT_QUERY_TEMPLATE = "{provider} API deprecation OR pricing OR security advisory";

    private static final String STATUSPAGE_API = "/api/v2";

    public ProviderSources {
        requireWeb(statusPageBase, "status page base");
        requireWeb(changelogFeed, "changelog feed");
        requireWeb(searchEndpoint, "search endpoint");
        if (searchQueryTemplate == null || searchQueryTemplate.isBlank()) {
            searchQueryTemplate = DEFAULT_QUERY_TEMPLATE;
        }
    }

    /** No sources at all; discovery skips a provider configured like this. */
    public static ProviderSources none() {
        return new ProviderSources(null, null, null, null);
    }

    public boolean isEmpty() {
        return statusPageBase == null && changelogFeed == null && searchEndpoint == null;
    }

    /** The requests one run makes for a provider named {@code providerName}, in a fixed order. */
    public List<SourceRequest> requests(String providerName) {
        List<SourceRequest> requests = new ArrayList<>();
        if (statusPageBase != null) {
            String api = statusPageApi();
            requests.add(new SourceRequest(SourceChannel.STATUS_SUMMARY, URI.create(api + "/summary.json")));
            requests.add(new SourceRequest(SourceChannel.STATUS_INCIDENTS, URI.create(api + "/incidents.json")));
        }
        if (changelogFeed != null) {
            requests.add(new SourceRequest(SourceChannel.CHANGELOG_FEED, changelogFeed));
        }
        if (searchEndpoint != null) {
            requests.add(new SourceRequest(SourceChannel.WEB_SEARCH, searchUrl(providerName)));
        }
        return requests;
    }

    /** The status page's own base address, without the API path; parsers resolve incident links against it. */
    public URI statusPageHome() {
        String api = statusPageApi();
        return URI.create(api.substring(0, api.length() - STATUSPAGE_API.length()));
    }

    private String statusPageApi() {
        String base = statusPageBase.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base.endsWith(STATUSPAGE_API) ? base : base + STATUSPAGE_API;
    }

    private URI searchUrl(String providerName) {
        String query = searchQueryTemplate.replace("{provider}", providerName == null ? "" : providerName).strip();
        String endpoint = searchEndpoint.toString();
        String separator = searchEndpoint.getRawQuery() == null ? "?" : "&";
        return URI.create(endpoint + separator + "q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + "&format=json");
    }

    private static void requireWeb(URI uri, String what) {
        if (uri != null && (!WebAddresses.isWeb(uri) || uri.getRawFragment() != null)) {
            throw new IllegalArgumentException("The " + what + " must be an http or https address without a fragment.");
        }
    }
}
