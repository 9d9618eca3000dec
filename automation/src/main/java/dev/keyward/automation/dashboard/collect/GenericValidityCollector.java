package dev.keyward.automation.dashboard.collect;

import dev.keyward.automation.dashboard.CollectionResult;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a key at any API by one authenticated GET to a configured path: a 2xx answer means valid.
 * It reads no usage; the body is not parsed at all.
 */
public final class GenericValidityCollector implements ApiCollector {

    private final ProviderHttp http;
    private final String path;
    private final String headerName;
    private final String valuePrefix;

    /**
     * @param path        the endpoint under the base URL, e.g. {@code /v1/me}
     * @param headerName  the header that carries the key, e.g. {@code Authorization} or {@code X-Api-Key}
     * @param valuePrefix what precedes the key in that header, e.g. {@code "Bearer "} or {@code ""}
     */
    public GenericValidityCollector(ProviderHttp http, String path, String headerName, String valuePrefix) {
        this.http = Objects.requireNonNull(http, "http");
        this.path = Objects.requireNonNull(path, "path");
        this.headerName = Objects.requireNonNull(headerName, "headerName");
        this.valuePrefix = Objects.requireNonNull(valuePrefix, "valuePrefix");
    }

    /** Sends the key as {@code Authorization: Bearer <key>}. */
    public static GenericValidityCollector bearer(ProviderHttp http, String path) {
        return new GenericValidityCollector(http, path, "Authorization", "Bearer ");
    }

    @Override
    public CollectionResult collect(CollectorRequest request) {
        Optional<CollectionResult> unsendable = AnswerRules.unsendable(request);
        if (unsendable.isPresent()) {
            return unsendable.get();
        }
        String api = "The API of " + request.providerSlug() + " at " + request.host();
        Map<String, String> headers = Map.of(headerName, AuthHeaders.value(valuePrefix, request.key()));
        ProviderAnswer answer = http.get(request.endpoint(path), headers, request.timeout());
        if (!(answer instanceof ProviderAnswer.Answered answered) || !answered.isSuccess()) {
            return AnswerRules.failedProbe(api, path, answer, request);
        }
        return new ResultDraft().build();
    }
}
