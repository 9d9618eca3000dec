package dev.keyward.automation.dashboard.collect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyward.automation.dashboard.admin.CostRow;
import dev.keyward.automation.dashboard.admin.InventoryKey;
import dev.keyward.automation.dashboard.admin.OrganizationReport;
import dev.keyward.automation.dashboard.admin.UsageRow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads an OpenAI organisation with an admin key ({@code sk-admin-...}, Bearer). Follows the OpenAI API
 * reference, "Administration" section, and the public OpenAPI document {@code openai/openai-openapi}
 * (version 2.3.0):
 * <ul>
 *   <li>{@code GET /v1/organization/usage/completions}, {@code /usage/embeddings}, {@code /usage/moderations},
 *       {@code /usage/images}, {@code /usage/audio_speeches} and {@code /usage/audio_transcriptions} (every usage
 *       endpoint whose results carry {@code api_key_id}; images and audio count requests, not tokens): {@code start_time}
 *       (Unix s), {@code bucket_width=1d} (at most 31 buckets a page), {@code group_by=api_key_id&group_by=model};
 *       page envelope {@code {object:"page", data:[bucket], has_more, next_page}}, each bucket
 *       {@code {start_time, end_time, results:[{input_tokens, output_tokens, num_model_requests, api_key_id, model}]}}</li>
 *   <li>{@code GET /v1/organization/costs}: same envelope, {@code group_by=project_id&group_by=api_key_id}, results
 *       {@code {amount:{value, currency}, project_id, api_key_id}} (the API reference at developers.openai.com,
 *       "Admin > Organization > Usage > Costs", read December 2026, lists {@code api_key_id} among the
 *       {@code group_by} fields; openai-openapi 2.3.0 predates it). Costs that belong to no key come back with
 *       {@code api_key_id: null} and still count for their project.</li>
 *   <li>{@code GET /v1/organization/projects}, {@code /projects/{id}/api_keys} and {@code /admin_api_keys}:
 *       list envelope {@code {object:"list", data, first_id, last_id, has_more}} paged with {@code after};
 *       keys carry {@code id, name, redacted_value, created_at, last_used_at, owner}</li>
 * </ul>
 */
public final class OpenAiAdminCollector implements AdminCollector {

    static final String USAGE_COMPLETIONS = "/v1/organization/usage/completions";
    static final String USAGE_EMBEDDINGS = "/v1/organization/usage/embeddings";
    /** The usage endpoints that can be grouped by key and model, each read in full at every refresh. */
    static final List<String> USAGE = List.of(USAGE_COMPLETIONS, USAGE_EMBEDDINGS,
            "/v1/organization/usage/moderations", "/v1/organization/usage/images",
            "/v1/organization/usage/audio_speeches", "/v1/organization/usage/audio_transcriptions");
    static final String COSTS = "/v1/organization/costs";
    static final String PROJECTS = "/v1/organization/projects";
    static final String ADMIN_KEYS = "/v1/organization/admin_api_keys";

    private final ProviderHttp http;

    public OpenAiAdminCollector(ProviderHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public OrganizationReport collect(CollectorRequest request, Instant since) {
        String api = "The OpenAI admin API at " + request.host();
        Optional<String> unsendable = request.configurationProblem().or(request::keyProblem);
        if (unsendable.isPresent()) {
            return new OrganizationReport("openai", List.of(), false, List.of(), false, List.of(), false, false,
                    List.of(unsendable.get()));
        }
        AdminPages pages = new AdminPages(http, request, Map.of("Authorization", AuthHeaders.bearer(request.key())), api);
        List<String> notes = new ArrayList<>();
        boolean rejected = true;
        String start = "start_time=" + since.getEpochSecond() + "&bucket_width=1d&limit=31";

        List<UsageRow> usage = new ArrayList<>();
        boolean usageRead = true;
        for (String path : USAGE) {
            AdminPages.Outcome read = pages.readAll(path, start + "&group_by=api_key_id&group_by=model",
                    AdminPages.Cursor.NEXT_PAGE, "usage");
            read.items().forEach(bucket -> usageOf(bucket, usage));
            read.problem().ifPresent(notes::add);
            usageRead &= read.complete();
            rejected &= read.keyRejected();
        }

        List<CostRow> costs = new ArrayList<>();
        AdminPages.Outcome costRead = pages.readAll(COSTS, start + "&group_by=project_id&group_by=api_key_id", AdminPages.Cursor.NEXT_PAGE,
                "costs");
        costRead.items().forEach(bucket -> costsOf(bucket, costs));
        costRead.problem().ifPresent(notes::add);
        rejected &= costRead.keyRejected();

        List<InventoryKey> inventory = new ArrayList<>();
        AdminPages.Outcome projects = pages.readAll(PROJECTS, "limit=100&include_archived=false", AdminPages.Cursor.AFTER,
                "the project list");
        projects.problem().ifPresent(notes::add);
        rejected &= projects.keyRejected();
        boolean complete = projects.complete();
        for (JsonNode project : projects.items()) {
            String projectId = AdminFields.id(project, "id");
            if (projectId == null) {
                continue;
            }
            AdminPages.Outcome keys = pages.readAll(PROJECTS + "/" + projectId + "/api_keys", "limit=100",
                    AdminPages.Cursor.AFTER, "the API keys of project " + projectId);
            keys.items().forEach(key -> keyOf(key, projectId, false).ifPresent(inventory::add));
            keys.problem().ifPresent(notes::add);
            complete &= keys.complete();
        }
        AdminPages.Outcome adminKeys = pages.readAll(ADMIN_KEYS, "limit=100", AdminPages.Cursor.AFTER, "the admin key list");
        adminKeys.items().forEach(key -> keyOf(key, null, true).ifPresent(inventory::add));
        adminKeys.problem().ifPresent(notes::add);
        complete &= adminKeys.complete();
        rejected &= adminKeys.keyRejected();

        return new OrganizationReport("openai", inventory, complete, UsageTotals.merge(usage), usageRead, costs,
                costRead.complete(), rejected, rejected ? List.of(notes.get(0)) : notes);
    }

    private static void usageOf(JsonNode bucket, List<UsageRow> into) {
        Optional<LocalDate> day = AdminFields.day(bucket, "start_time");
        JsonNode results = bucket.get("results");
        if (day.isEmpty() || results == null || !results.isArray()) {
            return;
        }
        for (JsonNode result : results) {
            into.add(new UsageRow(day.get(), AdminFields.id(result, "api_key_id"), AdminFields.model(result, "model"),
                    AdminFields.whole(result, "num_model_requests"), AdminFields.whole(result, "input_tokens"),
                    AdminFields.whole(result, "output_tokens")));
        }
    }

    private static void costsOf(JsonNode bucket, List<CostRow> into) {
        Optional<LocalDate> day = AdminFields.day(bucket, "start_time");
        JsonNode results = bucket.get("results");
        if (day.isEmpty() || results == null || !results.isArray()) {
            return;
        }
        for (JsonNode result : results) {
            JsonNode amount = result.path("amount");
            JsonNode value = amount.get("value");
            Optional<String> currency = JsonBodies.text(amount, "currency", "[A-Za-z]{3}");
            if (value != null && value.isNumber() && Double.isFinite(value.asDouble()) && currency.isPresent()) {
                into.add(new CostRow(day.get(), AdminFields.id(result, "project_id"), AdminFields.id(result, "api_key_id"),
                        value.asDouble(),
                        currency.get().toUpperCase(Locale.ROOT)));
            }
        }
    }

    private static Optional<InventoryKey> keyOf(JsonNode key, String projectId, boolean admin) {
        String id = AdminFields.id(key, "id");
        if (id == null) {
            return Optional.empty();
        }
        JsonNode owner = key.path("owner");
        String ownerName = firstLabel(owner.path("user"), owner.path("service_account"), owner);
        return Optional.of(new InventoryKey(id, AdminFields.label(key, "name"), AdminFields.hint(key, "redacted_value"),
                projectId, ownerName, "active", admin, AdminFields.instant(key, "created_at"),
                AdminFields.instant(key, "last_used_at"), AdminFields.instant(key, "expires_at")));
    }

    private static String firstLabel(JsonNode... candidates) {
        for (JsonNode candidate : candidates) {
            if (candidate.isObject()) {
                String label = AdminFields.label(candidate, "email");
                label = label != null ? label : AdminFields.label(candidate, "name");
                if (label != null) {
                    return label;
                }
            }
        }
        return null;
    }
}
