package dev.keyward.automation.dashboard.collect;

import dev.keyward.automation.dashboard.CollectionResult;
import dev.keyward.automation.dashboard.FailureCause;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Collects from OpenAI-compatible APIs (OpenAI, Ollama, Practice Cloud, ...): validity from
 * {@code GET {base}/v1/models} with a Bearer key, usage and cost from {@code GET {base}/v1/usage}
 * where the provider has that endpoint. The base URL excludes {@code /v1}.
 */
public final class OpenAiCompatibleCollector implements ApiCollector {

    static final String MODELS = "/v1/models";
    static final String USAGE = "/v1/usage";

    // Answers that mean "this provider has no usage endpoint", which is not a failure.
    private static final Set<Integer> NO_USAGE_ENDPOINT = Set.of(404, 405, 410);

    private final ProviderHttp http;

    public OpenAiCompatibleCollector(ProviderHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public CollectionResult collect(CollectorRequest request) {
        Optional<CollectionResult> unsendable = AnswerRules.unsendable(request);
        if (unsendable.isPresent()) {
            return unsendable.get();
        }
        String api = "The OpenAI-compatible API at " + request.host();
        Map<String, String> headers = Map.of("Authorization", AuthHeaders.bearer(request.key()));

        ProviderAnswer models = http.get(request.endpoint(MODELS), headers, request.timeout());
        if (!(models instanceof ProviderAnswer.Answered answered) || !answered.isSuccess()) {
            return AnswerRules.failedProbe(api, MODELS, models, request);
        }
        ResultDraft draft = new ResultDraft();
        ModelList.count(answered.body()).ifPresentOrElse(
                count -> draft.config().put("models_available", count),
                () -> draft.problem(FailureCause.MALFORMED_RESPONSE, AnswerRules.malformed(api, MODELS)));
        ResultDraft.copyWholeHeader(answered, "x-ratelimit-limit-requests", draft.restrictions(), "rate_limit_requests");
        ResultDraft.copyWholeHeader(answered, "x-ratelimit-limit-tokens", draft.restrictions(), "rate_limit_tokens");

        readUsage(api, http.get(request.endpoint(USAGE), headers, request.timeout()), draft, request);
        return draft.build();
    }

    private static void readUsage(String api, ProviderAnswer usage, ResultDraft draft, CollectorRequest request) {
        if (usage instanceof ProviderAnswer.Answered answered) {
            if (NO_USAGE_ENDPOINT.contains(answered.statusCode())) {
                return;
            }
            if (answered.isSuccess()) {
                UsageShape.read(answered.body()).ifPresentOrElse(
                        fields -> draft.usage().setAll(fields),
                        () -> draft.problem(FailureCause.MALFORMED_RESPONSE, AnswerRules.malformed(api, USAGE)));
                return;
            }
        }
        draft.problem(AnswerRules.cause(usage), AnswerRules.sentence(api, USAGE, usage, request));
    }
}
