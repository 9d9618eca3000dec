package dev.keyward.automation.dashboard.store;

import java.util.List;

/**
 * A selector Keyward ships for a provider's dashboard, stored as version 1.
 *
 * @param dataType      e.g. {@code usage_requests}
 * @param selectorType  css or xpath
 * @param selectorValue the selector
 */
public record SelectorSeed(String dataType, String selectorType, String selectorValue) {

    /** Practice Cloud's sign-in form and dashboard V1 (see the practice README's page map). */
    public static final List<SelectorSeed> PRACTICE_CLOUD = List.of(
            css("login_username", "#username"),
            css("login_password", "#password"),
            css("login_submit", "#sign-in"),
            css("usage_requests", "#usage-requests"),
            css("usage_limit", "#usage-limit"),
            css("usage_percent", "#usage-percent"),
            css("usage_cost", "#usage-cost"),
            css("usage_currency", "#usage-currency"),
            css("config_plan", "#plan-name"),
            css("config_region", "#config-region"),
            css("restriction_rate_limit", "#restriction-rate-limit"));

    private static SelectorSeed css(String dataType, String selector) {
        return new SelectorSeed(dataType, "css", selector);
    }

    /** The seeds Keyward ships for {@code providerSlug}; empty for providers without any. */
    public static List<SelectorSeed> forProvider(String providerSlug) {
        return "practice-cloud".equals(providerSlug) ? PRACTICE_CLOUD : List.of();
    }
}
