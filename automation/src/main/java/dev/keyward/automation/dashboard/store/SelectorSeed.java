package dev.keyward.automation.dashboard.store;

import dev.keyward.automation.dashboard.ProviderSelector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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

    /**
     * {@code stored} with each of {@code seeds} whose data type has no stored version 1, as the unstored version 1
     * ({@link SelectorRepository#seedVersionOne} would add it), in data type and version order.
     */
    public static List<ProviderSelector> withUnstored(List<ProviderSelector> stored, String providerId,
                                                      List<SelectorSeed> seeds) {
        Set<String> storedFirsts = stored.stream().filter(s -> s.version() == 1).map(ProviderSelector::dataType)
                .collect(Collectors.toSet());
        List<ProviderSelector> all = new ArrayList<>(stored);
        for (SelectorSeed seed : seeds) {
            if (!storedFirsts.contains(seed.dataType())) {
                all.add(new ProviderSelector(null, providerId, seed.dataType(), seed.selectorType(), seed.selectorValue(),
                        "unverified", null, 1));
            }
        }
        all.sort(Comparator.comparing(ProviderSelector::dataType).thenComparingInt(ProviderSelector::version));
        return all;
    }

    /** The seeds Keyward ships for {@code providerSlug}; empty for providers without any. */
    public static List<SelectorSeed> forProvider(String providerSlug) {
        return "practice-cloud".equals(providerSlug) ? PRACTICE_CLOUD : List.of();
    }
}
