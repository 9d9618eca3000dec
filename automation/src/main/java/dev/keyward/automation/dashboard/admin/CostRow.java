package dev.keyward.automation.dashboard.admin;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One day of cost for a scope of the organisation.
 *
 * @param day      the UTC day
 * @param scopeId  the OpenAI project or Anthropic workspace, {@code ""} for the whole organisation
 * @param amount   the amount in the currency's main unit (dollars, not cents)
 * @param currency ISO 4217 code, upper case
 */
public record CostRow(LocalDate day, String scopeId, double amount, String currency) {

    public CostRow {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(currency, "currency");
        scopeId = scopeId == null ? "" : scopeId;
    }
}
