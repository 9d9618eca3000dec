package dev.keyward.automation.dashboard.admin;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One day of cost for a scope of the organisation, and for one API key when the provider grouped it by key.
 *
 * @param day        the UTC day
 * @param scopeId    the OpenAI project or Anthropic workspace, {@code ""} for the whole organisation
 * @param upstreamId the provider's key id the cost is attributed to, {@code ""} when the provider did not say
 * @param amount     the amount in the currency's main unit (dollars, not cents)
 * @param currency   ISO 4217 code, upper case
 */
public record CostRow(LocalDate day, String scopeId, String upstreamId, double amount, String currency) {

    public CostRow {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(currency, "currency");
        scopeId = scopeId == null ? "" : scopeId;
        upstreamId = upstreamId == null ? "" : upstreamId;
    }

    /** True when the provider attributed this cost to one API key. */
    public boolean perKey() {
        return !upstreamId.isEmpty();
    }
}
