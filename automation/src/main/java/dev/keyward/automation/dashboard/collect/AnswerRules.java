package dev.keyward.automation.dashboard.collect;

import dev.keyward.automation.dashboard.CollectionMethod;
import dev.keyward.automation.dashboard.CollectionResult;
import dev.keyward.automation.dashboard.FailureCause;
import dev.keyward.automation.dashboard.HealthStatus;
import java.util.Optional;

/**
 * The one place that maps an HTTP outcome to health, cause and a sentence: 2xx valid, 401/403
 * invalid, 429 degraded, 5xx and timeouts unknown (the refresher upgrades them to outage when the
 * status page confirms an incident). Sentences hold a status code and Keyward's own short reason only.
 */
final class AnswerRules {

    private AnswerRules() {
    }

    static HealthStatus health(ProviderAnswer answer) {
        return switch (answer) {
            case ProviderAnswer.Answered a when a.isSuccess() -> HealthStatus.VALID;
            case ProviderAnswer.Answered a when a.statusCode() == 401 || a.statusCode() == 403 -> HealthStatus.INVALID;
            case ProviderAnswer.Answered a when a.statusCode() == 429 -> HealthStatus.DEGRADED;
            default -> HealthStatus.UNKNOWN;
        };
    }

    static FailureCause cause(ProviderAnswer answer) {
        return switch (answer) {
            case ProviderAnswer.Answered a when a.isSuccess() -> FailureCause.NONE;
            case ProviderAnswer.Answered a when a.statusCode() == 401 || a.statusCode() == 403 -> FailureCause.KEY_REJECTED;
            case ProviderAnswer.Answered a when a.statusCode() == 429 -> FailureCause.RATE_LIMITED;
            case ProviderAnswer.Answered a when a.statusCode() >= 500 && a.statusCode() <= 599 -> FailureCause.SERVER_ERROR;
            case ProviderAnswer.Answered a -> FailureCause.UNEXPECTED_STATUS;
            case ProviderAnswer.TimedOut t -> FailureCause.TIMEOUT;
            case ProviderAnswer.Unreachable u -> FailureCause.UNREACHABLE;
            case ProviderAnswer.Stopped s -> FailureCause.INTERRUPTED;
        };
    }

    /**
     * A sentence for an answer that was not 2xx: "{api} rejected the key on /v1/models (HTTP 401 ...)".
     *
     * @param api  who answered, e.g. "The Anthropic API at api.anthropic.com"
     * @param path the endpoint path, e.g. "/v1/models"
     */
    static String sentence(String api, String path, ProviderAnswer answer, CollectorRequest request) {
        return switch (answer) {
            case ProviderAnswer.Answered a when a.statusCode() == 401 -> api + " rejected the key on " + path
                    + " (HTTP 401 Unauthorized). Check that the key is correct and has not been revoked.";
            case ProviderAnswer.Answered a when a.statusCode() == 403 -> api + " refused the key on " + path
                    + " (HTTP 403 Forbidden). The key may be revoked or lack the permission this check needs.";
            case ProviderAnswer.Answered a when a.statusCode() == 429 -> api + " is limiting requests on " + path
                    + " (HTTP 429 Too Many Requests). Keyward will try again at a later refresh.";
            case ProviderAnswer.Answered a when a.statusCode() >= 500 && a.statusCode() <= 599 -> api
                    + " answered " + path + " with a server error (HTTP " + a.statusCode()
                    + "). The provider may be having an outage.";
            case ProviderAnswer.Answered a when a.isSuccess() -> malformed(api, path);
            case ProviderAnswer.Answered a -> api + " answered " + path + " with an unexpected HTTP "
                    + a.statusCode() + ". Check the API base URL in the provider settings.";
            case ProviderAnswer.TimedOut t -> api + " did not answer " + path + " within "
                    + seconds(request) + ". The provider may be slow or unreachable.";
            case ProviderAnswer.Unreachable u -> api + " could not be reached (" + u.reason()
                    + "). Check the network and the API base URL.";
            case ProviderAnswer.Stopped s -> "The collection was stopped before " + api + " answered " + path + ".";
        };
    }

    /** A sentence for a 2xx answer whose body Keyward could not read. */
    static String malformed(String api, String path) {
        return api + " answered " + path + " with a body that is not the JSON Keyward expects.";
    }

    /** The failed result of a validity probe that did not answer 2xx. */
    static CollectionResult failedProbe(String api, String path, ProviderAnswer answer, CollectorRequest request) {
        return CollectionResult.failed(CollectionMethod.API, health(answer), cause(answer),
                sentence(api, path, answer, request));
    }

    /** The failed result of a request that must not be sent (unusable base URL or key), if it must not. */
    static Optional<CollectionResult> unsendable(CollectorRequest request) {
        Optional<CollectionResult> badUrl = request.configurationProblem().map(sentence -> CollectionResult.failed(
                CollectionMethod.API, HealthStatus.UNKNOWN, FailureCause.BAD_CONFIGURATION, sentence));
        if (badUrl.isPresent()) {
            return badUrl;
        }
        return request.keyProblem().map(sentence -> CollectionResult.failed(
                CollectionMethod.API, HealthStatus.UNKNOWN, FailureCause.KEY_NOT_SENDABLE, sentence));
    }

    private static String seconds(CollectorRequest request) {
        long millis = request.timeout().toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
    }
}
