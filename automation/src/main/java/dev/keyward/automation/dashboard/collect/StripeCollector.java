package dev.keyward.automation.dashboard.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyward.automation.dashboard.CollectionResult;
import dev.keyward.automation.dashboard.FailureCause;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a Stripe key with {@code GET {base}/v1/balance} (Bearer) and records the available and
 * pending amounts per currency, in the currency's minor unit as Stripe gives them (Stripe API reference,
 * "Balance", v1, the account's default API version).
 *
 * <p>Then, where the API says it, the key's expiry: {@code GET {base}/v2/iam/api_keys} (Stripe API v2 reference,
 * "API keys", {@code Stripe-Version: 2026-03-25.dahlia}) lists the account's keys as {@code {data:[{id, type, status,
 * expires_at, secret_key:{secret_token_redacted}}], next_page_url}}. The one entry whose redacted token fits this key
 * gives {@code config_attributes_json.token_expires_at}. A restricted key without the permission to list keys gets
 * no expiry and nothing else changes. The list may carry plaintext {@code token}s of test-mode keys; only the
 * redacted form and the dates are read.
 */
public final class StripeCollector implements ApiCollector {

    static final String BALANCE = "/v1/balance";
    static final String API_KEYS = "/v2/iam/api_keys";
    static final String V2_VERSION = "2026-03-25.dahlia";
    private static final int MAX_KEY_PAGES = 10;

    private final ProviderHttp http;

    public StripeCollector(ProviderHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public CollectionResult collect(CollectorRequest request) {
        Optional<CollectionResult> unsendable = AnswerRules.unsendable(request);
        if (unsendable.isPresent()) {
            return unsendable.get();
        }
        String api = "The Stripe API at " + request.host();
        Map<String, String> headers = Map.of("Authorization", AuthHeaders.bearer(request.key()));
        ProviderAnswer answer = http.get(request.endpoint(BALANCE), headers, request.timeout());
        if (!(answer instanceof ProviderAnswer.Answered answered) || !answered.isSuccess()) {
            return AnswerRules.failedProbe(api, BALANCE, answer, request);
        }
        ResultDraft draft = new ResultDraft();
        Optional<JsonNode> root = JsonBodies.object(answered.body());
        boolean read = root.isPresent()
                && copyAmounts(root.get().get("available"), draft.usage().putArray("available"))
                && copyAmounts(root.get().get("pending"), draft.usage().putArray("pending"));
        if (!read) {
            draft.usage().removeAll();
            draft.problem(FailureCause.MALFORMED_RESPONSE, AnswerRules.malformed(api, BALANCE));
        }
        root.map(node -> node.get("livemode")).filter(JsonNode::isBoolean)
                .ifPresent(livemode -> draft.config().put("livemode", livemode.asBoolean()));
        expiry(request, headers).ifPresent(expiresAt -> draft.config().put("token_expires_at", expiresAt.toString()));
        return draft.build();
    }

    /** The expiry of the one listed key whose redacted token fits the request's key; empty on any refusal or doubt. */
    private Optional<java.time.Instant> expiry(CollectorRequest request, Map<String, String> headers) {
        Map<String, String> v2 = new java.util.HashMap<>(headers);
        v2.put("Stripe-Version", V2_VERSION);
        String page = API_KEYS + "?limit=100";
        java.util.List<java.time.Instant> found = new java.util.ArrayList<>();
        int fitting = 0;
        for (int i = 0; i < MAX_KEY_PAGES && page != null; i++) {
            ProviderAnswer answer = http.get(request.endpoint(page), Map.copyOf(v2), request.timeout());
            if (!(answer instanceof ProviderAnswer.Answered answered) || !answered.isSuccess()) {
                return Optional.empty();
            }
            Optional<JsonNode> root = JsonBodies.object(answered.body());
            JsonNode data = root.map(r -> r.get("data")).orElse(null);
            if (data == null || !data.isArray()) {
                return Optional.empty();
            }
            for (JsonNode key : data) {
                Optional<String> hint = JsonBodies.text(key.path("secret_key"), "secret_token_redacted",
                        "[A-Za-z0-9_]{0,24}(\\.{3}|\\*{3,})[A-Za-z0-9_]{2,8}");
                if (hint.isPresent() && dev.keyward.automation.dashboard.admin.HintCheck.fits(request.key(), hint.get())) {
                    fitting++;
                    JsonNode expires = key.get("expires_at");
                    if (expires != null && expires.isTextual()) {
                        try {
                            found.add(java.time.Instant.parse(expires.asText()));
                        } catch (java.time.format.DateTimeParseException e) {
                            // An expiry Keyward cannot read is no expiry; the balance answer still stands.
                        }
                    }
                }
            }
            // Only a next page on the same path is followed, never another host or resource.
            page = root.get().path("next_page_url").isTextual()
                    && root.get().get("next_page_url").asText().matches("/v2/iam/api_keys\\?[A-Za-z0-9_=&%.-]{1,300}")
                    ? root.get().get("next_page_url").asText() : null;
        }
        // Two keys with the same visible prefix and tail: which one this is would be a guess.
        return fitting == 1 && found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    private static boolean copyAmounts(JsonNode source, ArrayNode target) {
        if (source == null || !source.isArray()) {
            return false;
        }
        for (JsonNode entry : source) {
            JsonNode amount = entry.get("amount");
            Optional<String> currency = JsonBodies.text(entry, "currency", "[A-Za-z]{3}");
            // Stripe amounts may be negative (a balance owed), so they are read without the non-negative rule.
            if (amount == null || !amount.isIntegralNumber() || !amount.canConvertToLong() || currency.isEmpty()) {
                return false;
            }
            ObjectNode copy = target.addObject();
            copy.put("amount_minor", amount.asLong());
            copy.put("currency", currency.get().toLowerCase(Locale.ROOT));
        }
        return true;
    }
}
