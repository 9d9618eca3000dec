package dev.keyward.automation.dashboard.scrape;

import dev.keyward.automation.browser.DomainPolicy;
import dev.keyward.automation.dashboard.ProviderSelector;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a scrape of one provider's dashboard needs: where the page is and the selectors in use.
 *
 * @param providerId   {@code providers.id}
 * @param providerSlug {@code providers.slug}
 * @param dashboardUrl {@code providers.dashboard_url}
 * @param selectors    the version in use of each data type (login and figures)
 */
public record ScrapePlan(String providerId, String providerSlug, URI dashboardUrl, List<ProviderSelector> selectors) {

    public ScrapePlan {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(providerSlug, "providerSlug");
        Objects.requireNonNull(dashboardUrl, "dashboardUrl");
        selectors = List.copyOf(selectors);
    }

    /** The selectors that locate figures (everything but the sign-in form). */
    public List<ProviderSelector> figures() {
        return selectors.stream().filter(s -> !s.isLogin() && s.playwrightLocator() != null).toList();
    }

    /** The sign-in selector of {@code dataType} (login_username, login_password, login_submit), or null. */
    public ProviderSelector login(String dataType) {
        return selectors.stream().filter(s -> s.dataType().equals(dataType)).findFirst().orElse(null);
    }

    /** True when at least one figure selector is not known to be broken, so a scrape can yield something. */
    public boolean usable() {
        return figures().stream().anyMatch(s -> !s.isBroken());
    }

    /**
     * The hosts a scrape may open, judged exactly as a step program's {@code allowed_domains}: the dashboard
     * URL's host (and its subdomains when it is a name; {@code www.} stands for the whole site). An address the
     * policy cannot hold (an IPv6 literal) leaves the list empty, so nothing at all is opened.
     */
    public DomainPolicy domainPolicy() {
        String host = dashboardUrl.getHost() == null ? "" : dashboardUrl.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.startsWith("www.") && host.indexOf('.', 4) > 0) {
            host = host.substring(4);
        }
        return new DomainPolicy(DomainPolicy.isValidEntry(host) ? List.of(host) : List.of());
    }
}
