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
 * {@code anthropic-version: 2023-06-01}). Follows the Claude Platform API reference, Admin section
 * (platform.claude.com/docs/en/api/admin, read December 2026):
 * <ul>
 *   <li>Usage: the current docs mark {@code GET /v1/organizations/usage_report/messages} "legacy" in favour of
 *       {@code GET /v1/organizations/analytics/usage} (Usage and Cost Analytics API). Keyward asks the
 *       analytics endpoint first: rows {@code {starting_at, ending_at, group:{api_key_id, model},
 *       usage:{uncached_input_tokens, cache_read_input_tokens, cache_creation, output_tokens, requests}}}
 *       in {@code {data, has_more, next_page}}. When it is not available to the organisation (404), the legacy
 *       report: buckets {@code {starting_at, ending_at, results:[{api_key_id, model, uncached_input_tokens,
 *       cache_read_input_tokens, cache_creation:{ephemeral_5m_input_tokens, ephemeral_1h_input_tokens},
 *       output_tokens}]}}, which counts no requests. Both: {@code starting_at} (RFC 3339),
 *       {@code bucket_width=1d} (at most 31 buckets a page), {@code group_by[]=api_key_id&group_by[]=model}.</li>
 *   <li>{@code GET /v1/organizations/cost_report}: buckets of {@code {currency, amount, workspace_id}},
 *       {@code amount} a decimal string in the currency's lowest unit (cents).</li>
 *   <li>{@code GET /v1/organizations/api_keys}: {@code {data, has_more, first_id, last_id}} paged with
 *       {@code after_id}; keys carry {@code id, name, partial_key_hint, status, workspace_id, created_at,
 *       created_by, expires_at}.</li>
 * </ul>
 */
public final class AnthropicAdminCollector implements AdminCollector {

    static final String ANALYTICS_USAGE = "/v1/organizations/analytics/usage";
    static final String USAGE_REPORT = "/v1/organizations/usage_report/messages";
    static final String COST_REPORT = "/v1/organizations/cost_report";
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
        AdminPages pages = new AdminPages(http, request, Map.of(
                "x-api-key", AuthHeaders.value("", request.key()),
                "anthropic-version", "2023-06-01"), api);
        List<String> notes = new ArrayList<>();
        String start = "starting_at=" + since.truncatedTo(ChronoUnit.SECONDS) + "&bucket_width=1d&limit=31"
                + "&group_by%5B%5D=api_key_id&group_by%5B%5D=model";

        List<UsageRow> usage = new ArrayList<>();
        AdminPages.Outcome usageRead = pages.readAll(ANALYTICS_USAGE, start, AdminPages.Cursor.NEXT_PAGE, "usage");
        if (!usageRead.complete() && usageRead.items().isEmpty() && notFound(usageRead, api)) {
            usageRead = pages.readAll(USAGE_REPORT, start, AdminPages.Cursor.NEXT_PAGE, "usage");
            usageRead.items().forEach(bucket -> legacyUsageOf(bucket, usage));
        } else {
            usageRead.items().forEach(row -> analyticsUsageOf(row, usage));
        }
        usageRead.problem().ifPresent(notes::add);

        List<CostRow> costs = new ArrayList<>();
        AdminPages.Outcome costRead = pages.readAll(COST_REPORT, "starting_at=" + since.truncatedTo(ChronoUnit.SECONDS)
                + "&bucket_width=1d&limit=31&group_by%5B%5D=workspace_id", AdminPages.Cursor.NEXT_PAGE, "costs");
        costRead.items().forEach(bucket -> costsOf(bucket, costs));
        costRead.problem().ifPresent(notes::add);

        List<InventoryKey> inventory = new ArrayList<>();
        AdminPages.Outcome keys = pages.readAll(API_KEYS, "limit=100", AdminPages.Cursor.AFTER_ID, "the API key list");
        keys.items().forEach(key -> keyOf(key).ifPresent(inventory::add));
        keys.problem().ifPresent(notes::add);

        boolean rejected = usageRead.keyRejected() && costRead.keyRejected() && keys.keyRejected();
        return new OrganizationReport("anthropic", inventory, keys.complete(), UsageTotals.merge(usage),
                usageRead.complete(), costs, costRead.complete(), rejected, rejected ? List.of(notes.get(0)) : notes);
    }

    private static boolean notFound(AdminPages.Outcome outcome, String api) {
        return outcome.problem().filter(p -> p.startsWith(api + " has no ")).isPresent();
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

    private static void costsOf(JsonNode bucket, List<CostRow> into) {
        Optional<LocalDate> day = AdminFields.day(bucket, "starting_at");
        JsonNode results = bucket.get("results");
        if (day.isEmpty() || results == null || !results.isArray()) {
            return;
        }
        for (JsonNode result : results) {
            Optional<String> amount = JsonBodies.text(result, "amount", "-?[0-9]{1,15}(\\.[0-9]{1,12})?");
            Optional<String> currency = JsonBodies.text(result, "currency", "[A-Za-z]{3}");
            if (amount.isPresent() && currency.isPresent()) {
                double main = new BigDecimal(amount.get()).movePointLeft(2).doubleValue();
                into.add(new CostRow(day.get(), AdminFields.id(result, "workspace_id"), main,
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
