package dev.keyward.automation.dashboard.collect;

import dev.keyward.automation.dashboard.CollectionResult;
import dev.keyward.automation.dashboard.FailureCause;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks an Anthropic key with {@code GET {base}/v1/models}, sending {@code x-api-key} and
 * {@code anthropic-version}; Anthropic has no usage endpoint for ordinary keys.
 */
public final class AnthropicCollector implements ApiCollector {

    static final String MODELS = "/v1/models";

    /** The API version Keyward was written against. */
    public static final String DEFAULT_API_VERSION = "2023-06-01";

    private final ProviderHttp http;
    private final String apiVersion;

    public AnthropicCollector(ProviderHttp http) {
        this(http, DEFAULT_API_VERSION);
    }

    public AnthropicCollector(ProviderHttp http, String apiVersion) {
        this.http = Objects.requireNonNull(http, "http");
        this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
    }

    @Override
    public CollectionResult collect(CollectorRequest request) {
        Optional<CollectionResult> unsendable = AnswerRules.unsendable(request);
        if (unsendable.isPresent()) {
            return unsendable.get();
        }
        String api = "The Anthropic API at " + request.host();
        Map<String, String> headers = Map.of(
                "x-api-key", AuthHeaders.value("", request.key()),
                "anthropic-version", apiVersion);
        ProviderAnswer models = http.get(request.endpoint(MODELS), headers, request.timeout());
        if (!(models instanceof ProviderAnswer.Answered answered) || !answered.isSuccess()) {
            return AnswerRules.failedProbe(api, MODELS, models, request);
        }
        ResultDraft draft = new ResultDraft();
        ModelList.count(answered.body()).ifPresentOrElse(
                count -> draft.config().put("models_available", count),
                () -> draft.problem(FailureCause.MALFORMED_RESPONSE, AnswerRules.malformed(api, MODELS)));
        ResultDraft.copyWholeHeader(answered, "anthropic-ratelimit-requests-limit", draft.restrictions(), "rate_limit_requests");
        ResultDraft.copyWholeHeader(answered, "anthropic-ratelimit-tokens-limit", draft.restrictions(), "rate_limit_tokens");
        return draft.build();
    }
}
