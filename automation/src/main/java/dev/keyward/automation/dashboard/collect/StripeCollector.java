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
 * pending amounts per currency, in the currency's minor unit as Stripe gives them.
 */
public final class StripeCollector implements ApiCollector {

    static final String BALANCE = "/v1/balance";

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
        return draft.build();
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
