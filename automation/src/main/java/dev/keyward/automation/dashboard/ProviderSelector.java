package dev.keyward.automation.dashboard;

import java.util.Objects;

/**
 * One version of a dashboard selector ({@code provider_selectors}): where on a provider's page one
 * figure is, e.g. data type {@code usage_requests} at css {@code #usage-requests}.
 *
 * @param id            {@code id}
 * @param providerId    {@code provider_id}
 * @param dataType      {@code data_type}: {@code usage_*}, {@code config_*}, {@code restriction_*} or {@code login_*}
 * @param selectorType  {@code selector_type}: css, xpath or json_path
 * @param selectorValue {@code selector_value}
 * @param status        {@code verification_status}: verified, unverified or broken
 * @param verifiedAt    {@code verified_at}, or null
 * @param version       {@code version}
 */
public record ProviderSelector(
        String id,
        String providerId,
        String dataType,
        String selectorType,
        String selectorValue,
        String status,
        String verifiedAt,
        int version) {

    public ProviderSelector {
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(selectorType, "selectorType");
        Objects.requireNonNull(selectorValue, "selectorValue");
    }

    /** True for the sign-in form's selectors, which locate inputs rather than figures. */
    public boolean isLogin() {
        return dataType.startsWith("login_");
    }

    /** True when the last scrape found nothing at this selector. */
    public boolean isBroken() {
        return "broken".equals(status);
    }

    /** The locator text Playwright understands, or null for selector types a page cannot answer (json_path). */
    public String playwrightLocator() {
        return switch (selectorType) {
            case "css" -> "css=" + selectorValue;
            case "xpath" -> "xpath=" + selectorValue;
            default -> null;
        };
    }
}
