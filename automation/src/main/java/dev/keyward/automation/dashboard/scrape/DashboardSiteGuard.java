package dev.keyward.automation.dashboard.scrape;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.keyward.automation.browser.DomainPolicy;
import dev.keyward.automation.browser.NavigationGuard;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Keeps a dashboard scrape on the provider's own site, as the runner keeps a step program on its
 * {@code allowed_domains}: the same {@link NavigationGuard} aborts every request (and every redirect of a
 * page) to another host, and before a password is typed the page must still be on an allowed host over https
 * (plain http only on this computer, as Practice Cloud runs).
 */
final class DashboardSiteGuard {

    private static final Pattern LOOPBACK_V4 = Pattern.compile("127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}");

    private final DomainPolicy policy;
    private final NavigationGuard guard;

    DashboardSiteGuard(ScrapePlan plan) {
        this.policy = plan.domainPolicy();
        this.guard = new NavigationGuard(policy);
    }

    /** Starts intercepting the context's requests; call before the first page is opened. */
    void install(BrowserContext context) {
        guard.install(context);
    }

    List<String> allowedDomains() {
        return policy.allowedDomains();
    }

    /** Whether the policy admits an address the page would send something to (a form's action). */
    boolean allows(String url) {
        return policy.allows(url);
    }

    /**
     * The host of another site the dashboard tried to send the browser to (a blocked navigation or redirect),
     * or that the page now shows; empty while the scrape is still on the provider's site.
     */
    Optional<String> strayHost(Page page) {
        List<NavigationGuard.Blocked> blocked = guard.navigationsBlockedSince(0);
        if (!blocked.isEmpty()) {
            return Optional.of(blocked.getFirst().host());
        }
        String url = page.url();
        if (!policy.allows(url)) {
            return Optional.of(NavigationGuard.hostOf(url));
        }
        return Optional.empty();
    }

    /** Whether the page's address may receive a password: https, or http to this computer. */
    static boolean carriesPasswordsSafely(String url) {
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme.equals("https")) {
                return true;
            }
            return scheme.equals("http") && isLoopback(uri.getHost());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.equals("localhost") || lower.equals("[::1]") || LOOPBACK_V4.matcher(lower).matches();
    }
}
