package dev.keyward.automation.dashboard.collect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyward.automation.dashboard.admin.CostRow;
import dev.keyward.automation.dashboard.admin.InventoryKey;
import dev.keyward.automation.dashboard.admin.OrganizationReport;
import dev.keyward.automation.dashboard.admin.UsageRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an Anthropic organisation with an admin key ({@code sk-ant-admin01-...}, {@code x-api-key},
 * {@code anthropic-version: 2023-06-01}). Follows the Claude Platform API reference, Admin section, and the
 * "Usage and Cost Analytics API" guide (platform.claude.com/docs, read December 2026):
 * <ul>
 *   <li>Usage and cost: the current docs mark {@code usage_report/messages} and {@code cost_report} "legacy" in favour
 *       of the Usage and Cost Analytics API (beta: every request carries {@code anthropic-beta:
 *       analytics-usage-cost-2026-08-24}). Keyward asks it first:
 *       {@code GET /v1/organizations/analytics/usage} and {@code /analytics/cost} with {@code starting_at} (RFC 3339),
 *       {@code time_bucket_width=1d} and {@code group_by[]}; rows {@code {starting_at, ending_at, group:{api_key_id,
 *       model, workspace_id}, usage:{uncached_input_tokens, cache_read_input_tokens, cache_creation, output_tokens,
 *       requests}}} or {@code cost:{amount, currency, list_amount, requests}} ({@code amount} a decimal string in
 *       fractional cents), in {@code {data, has_more, next_page}}.</li>
 *   <li>Where the analytics endpoints are not available to the organisation (404), the legacy reports:
 *       {@code GET /v1/organizations/usage_report/messages} (buckets {@code {starting_at, ending_at, results:[{api_key_id,
 *       model, uncached_input_tokens, cache_read_input_tokens, cache_creation:{ephemeral_5m_input_tokens,
 *       ephemeral_1h_input_tokens}, output_tokens}]}}, which counts no requests) and
 *       {@code GET /v1/organizations/cost_report} (buckets of {@code {currency, amount, workspace_id}}, amount in cents,
 *       which cannot be grouped by key); both {@code bucket_width=1d}, at most 31 buckets a page.</li>
 *   <li>{@code GET /v1/organizations/api_keys}: {@code {data, has_more, first_id, last_id}} paged with
 *       {@code after_id}; keys carry {@code id, name, partial_key_hint, status, workspace_id, created_at,
 *       created_by, expires_at}.</li>
 * </ul>
 */
public final class AnthropicAdminCollector implements AdminCollector {

    static final String ANALYTICS_USAGE = "/v1/organizations/analytics/usage";
    static final String USAGE_REPORT = "/v1/organizations/usage_report/messages";
    static final String ANALYTICS_COST = "/v1/organizations/analytics/cost";
    static final String COST_REPORT = "/v1/organizations/cost_report";
    /** The beta the Usage and Cost Analytics API asks for on every request. */
    static final String ANALYTICS_BETA = "analytics-usage-cost-2026-08-24";
    static final String API_KEYS = "/v1/organizations/api_keys";
    private static final Set<String> STATUSES = Set.of("active", "inactive", "archived", "expired");

    private final ProviderHttp http;

    public AnthropicAdminCollector(ProviderHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public OrganizationReport collect(CollectorRequest request, Instant since) {
        String api = "The Anthropic admin API at " + request.host();
        Optional<String> unsendable = request.configurationProblem().or(request::keyProblem);
        if (unsendable.isPresent()) {
            return new OrganizationReport("anthropic", List.of(), false, List.of(), false, List.of(), false, false,
                    List.of(unsendable.get()));
        }
        Map<String, String> headers = Map.of(
                "x-api-key", AuthHeaders.value("", request.key()),
                "anthropic-version", "2023-06-01");
        AdminPages pages = new AdminPages(http, request, headers, api);
        Map<String, String> betaHeaders = new java.util.HashMap<>(headers);
        betaHeaders.put("anthropic-beta", ANALYTICS_BETA);
        AdminPages analytics = new AdminPages(http, request, Map.copyOf(betaHeaders), api);
        List<String> notes = new ArrayList<>();
        String startingAt = "starting_at=" + since.truncatedTo(ChronoUnit.SECONDS);
        String analyticsStart = startingAt + "&time_bucket_width=1d";
        String legacyStart = startingAt + "&bucket_width=1d&limit=31";

        List<UsageRow> usage = new ArrayList<>();
        AdminPages.Outcome usageRead = analytics.readAll(ANALYTICS_USAGE,
                analyticsStart + "&group_by%5B%5D=api_key_id&group_by%5B%5D=model", AdminPages.Cursor.NEXT_PAGE, "usage");
        if (notFound(usageRead, api)) {
            usageRead = pages.readAll(USAGE_REPORT, legacyStart + "&group_by%5B%5D=api_key_id&group_by%5B%5D=model",
                    AdminPages.Cursor.NEXT_PAGE, "usage");
            usageRead.items().forEach(bucket -> legacyUsageOf(bucket, usage));
        } else {
            usageRead.items().forEach(row -> analyticsUsageOf(row, usage));
        }
        usageRead.problem().ifPresent(notes::add);

        List<CostRow> costs = new ArrayList<>();
        AdminPages.Outcome costRead = analytics.readAll(ANALYTICS_COST,
                analyticsStart + "&group_by%5B%5D=api_key_id&group_by%5B%5D=workspace_id", AdminPages.Cursor.NEXT_PAGE, "costs");
        if (notFound(costRead, api)) {
            costRead = pages.readAll(COST_REPORT, legacyStart + "&group_by%5B%5D=workspace_id", AdminPages.Cursor.NEXT_PAGE,
                    "costs");
            costRead.items().forEach(bucket -> legacyCostsOf(bucket, costs));
        } else {
            costRead.items().forEach(row -> analyticsCostOf(row, costs));
        }
        costRead.problem().ifPresent(notes::add);

        List<InventoryKey> inventory = new ArrayList<>();
        AdminPages.Outcome keys = pages.readAll(API_KEYS, "limit=100", AdminPages.Cursor.AFTER_ID, "the API key list");
        keys.items().forEach(key -> keyOf(key).ifPresent(inventory::add));
        keys.problem().ifPresent(notes::add);

        boolean rejected = usageRead.keyRejected() && costRead.keyRejected() && keys.keyRejected();
        return new OrganizationReport("anthropic", inventory, keys.complete(), UsageTotals.merge(usage),
                usageRead.complete(), costs, costRead.complete(), rejected, rejected ? List.of(notes.get(0)) : notes);
    }

    /** True when the first page already answered 404: the endpoint is not there for this organisation. */
    private static boolean notFound(AdminPages.Outcome outcome, String api) {
        return !outcome.complete() && outcome.items().isEmpty()
                && outcome.problem().filter(p -> p.startsWith(api + " has no ")).isPresent();
    }

    private static void analyticsUsageOf(JsonNode row, List<UsageRow> into) {
        Optional<LocalDate> day = AdminFields.day(row, "starting_at");
        JsonNode group = row.path("group");
        JsonNode metrics = row.path("usage");
        if (day.isEmpty() || !metrics.isObject()) {
            return;
        }
        long requests = JsonBodies.whole(metrics, "requests").orElse(-1L);
        into.add(new UsageRow(day.get(), AdminFields.id(group, "api_key_id"), AdminFields.model(group, "model"),
                requests, inputTokens(metrics), AdminFields.whole(metrics, "output_tokens")));
    }

    private static void legacyUsageOf(JsonNode bucket, List<UsageRow> into) {
        Optional<LocalDate> day = AdminFields.day(bucket, "starting_at");
        JsonNode results = bucket.get("results");
        if (day.isEmpty() || results == null || !results.isArray()) {
            return;
        }
        for (JsonNode result : results) {
            into.add(new UsageRow(day.get(), AdminFields.id(result, "api_key_id"), AdminFields.model(result, "model"),
                    -1, inputTokens(result), AdminFields.whole(result, "output_tokens")));
        }
    }

    // Input tokens the way OpenAI counts them (cached included): uncached + cache reads + cache writes.
    private static long inputTokens(JsonNode metrics) {
        JsonNode creation = metrics.path("cache_creation");
        long created = 0;
        if (creation.isObject()) {
            for (JsonNode value : creation) {
                if (value.isIntegralNumber() && value.asLong() > 0) {
                    created += value.asLong();
                }
            }
        }
        return AdminFields.whole(metrics, "uncached_input_tokens") + AdminFields.whole(metrics, "cache_read_input_tokens")
                + created;
    }

    private static void analyticsCostOf(JsonNode row, List<CostRow> into) {
        Optional<LocalDate> day = AdminFields.day(row, "starting_at");
        JsonNode group = row.path("group");
        JsonNode cost = row.path("cost");
        Optional<Double> amount = centsToMain(cost.get("amount"));
        Optional<String> currency = JsonBodies.text(cost, "currency", "[A-Za-z]{3}");
        if (day.isPresent() && amount.isPresent() && currency.isPresent()) {
            into.add(new CostRow(day.get(), AdminFields.id(group, "workspace_id"), AdminFields.id(group, "api_key_id"),
                    amount.get(), currency.get().toUpperCase(Locale.ROOT)));
        }
    }

    // Both reports give amounts in (fractional) cents as a decimal string; a number is accepted too.
    private static Optional<Double> centsToMain(JsonNode amount) {
        if (amount == null) {
            return Optional.empty();
        }
        String text = amount.isNumber() ? amount.decimalValue().toPlainString() : amount.isTextual() ? amount.asText() : "";
        if (!text.matches("-?[0-9]{1,15}(\\.[0-9]{1,12})?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(text).movePointLeft(2).doubleValue());
    }

    private static void legacyCostsOf(JsonNode bucket, List<CostRow> into) {
        Optional<LocalDate> day = AdminFields.day(bucket, "starting_at");
        JsonNode results = bucket.get("results");
        if (day.isEmpty() || results == null || !results.isArray()) {
            return;
        }
        for (JsonNode result : results) {
            Optional<Double> amount = centsToMain(result.get("amount"));
            Optional<String> currency = JsonBodies.text(result, "currency", "[A-Za-z]{3}");
            if (amount.isPresent() && currency.isPresent()) {
                into.add(new CostRow(day.get(), AdminFields.id(result, "workspace_id"), null, amount.get(),
                        currency.get().toUpperCase(Locale.ROOT)));
            }
        }
    }

    private static Optional<InventoryKey> keyOf(JsonNode key) {
        String id = AdminFields.id(key, "id");
        if (id == null) {
            return Optional.empty();
        }
        String status = JsonBodies.text(key, "status", "[a-z]{1,20}").filter(STATUSES::contains).orElse("active");
        String workspace = AdminFields.id(key, "workspace_id");
        if (workspace == null) {
            workspace = AdminFields.id(key.path("scope"), "workspace_id");
        }
        return Optional.of(new InventoryKey(id, AdminFields.label(key, "name"), AdminFields.hint(key, "partial_key_hint"),
                workspace, AdminFields.id(key.path("created_by"), "id"), status, false,
                AdminFields.instant(key, "created_at"), null, AdminFields.instant(key, "expires_at")));
    }
}
