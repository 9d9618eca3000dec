package dev.keyward.automation.practice;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The OpenAI-style REST API under {@code /v1}, authenticated by bearer API keys, with forced faults for tests.
 */
final class ApiEndpoints {

    /** What a call resolved to once auth passed: the key and the JSON body. */
    @FunctionalInterface
    private interface Endpoint {
        ObjectNode answer(KeyLedger.ApiKey key);
    }

    private static final long MODEL_CREATED_EPOCH = 1_700_000_000L;

    private final PracticeState state;
    private final ObjectMapper json = new ObjectMapper();

    ApiEndpoints(PracticeState state) {
        this.state = state;
    }

    void register(Router router) {
        router.get("/v1/models", Router.Access.PUBLIC, request -> call(request, key -> models()));
        router.get("/v1/usage", Router.Access.PUBLIC, request -> call(request, key -> usage()));
        router.get("/v1/keys", Router.Access.PUBLIC, request -> call(request, key -> keys()));
        router.get("/v1/.*", Router.Access.PUBLIC, request -> call(request, null));
    }

    private PracticeResponse call(PracticeRequest request, Endpoint endpoint) throws IOException {
        Optional<ApiFault> fault = state.apiFaults().takeNext();
        if (fault.isPresent() && fault.get() instanceof ApiFault.Status forced) {
            return record(request, null, forcedError(forced.code()));
        }
        if (fault.isPresent() && fault.get() instanceof ApiFault.Delay slow) {
            try {
                Thread.sleep(slow.delay());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return record(request, null, error(503, "The practice server is shutting down.", "server_error", null));
            }
        }
        Optional<KeyLedger.ApiKey> key = bearer(request).flatMap(state.keys()::findActiveByValue);
        if (key.isEmpty()) {
            // Like real providers, the message never repeats the key that was sent.
            return record(request, null, error(401, "Incorrect or missing API key. Send an active key as "
                    + "'Authorization: Bearer <key>'; keys are managed at /keys.", "invalid_request_error",
                    "invalid_api_key"));
        }
        if (endpoint == null) {
            return record(request, key.get().id(), error(404, "Unknown API path " + request.path() + ".",
                    "invalid_request_error", "unknown_url"));
        }
        String body = json.writeValueAsString(endpoint.answer(key.get()));
        return record(request, key.get().id(), PracticeResponse.json(200, body));
    }

    private PracticeResponse record(PracticeRequest request, String keyId, PracticeResponse response) {
        state.recordApiCall(request.method(), request.path(), response.status(), keyId);
        return response;
    }

    private static Optional<String> bearer(PracticeRequest request) {
        String header = request.header("Authorization");
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).strip();
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        }
        return Optional.empty();
    }

    private ObjectNode models() {
        ObjectNode root = json.createObjectNode().put("object", "list");
        ArrayNode data = root.putArray("data");
        for (String id : state.models()) {
            data.addObject().put("id", id).put("object", "model").put("created", MODEL_CREATED_EPOCH)
                    .put("owned_by", "practice-cloud");
        }
        return root;
    }

    private ObjectNode usage() {
        UsageFigures usage = state.usage();
        LocalDate start = LocalDate.ofInstant(state.clock().instant(), ZoneOffset.UTC).withDayOfMonth(1);
        ObjectNode root = json.createObjectNode().put("object", "usage")
                .put("requests", usage.requests())
                .put("limit", usage.requestLimit())
                .put("usage_percent", usage.usagePercent())
                .put("cost", usage.cost())
                .put("currency", usage.currency())
                .put("plan", usage.plan())
                .put("region", usage.region())
                .put("rate_limit_per_minute", usage.rateLimitPerMinute());
        root.putObject("period").put("start", start.toString()).put("end", start.plusMonths(1).toString());
        return root;
    }

    private ObjectNode keys() {
        ObjectNode root = json.createObjectNode().put("object", "list");
        ArrayNode data = root.putArray("data");
        for (KeyLedger.ApiKey key : state.keys().all()) {
            data.addObject().put("id", key.id()).put("object", "api_key").put("name", key.name())
                    .put("last4", key.last4()).put("created", key.createdAt().getEpochSecond())
                    .put("status", key.active() ? "active" : "revoked");
        }
        return root;
    }

    private PracticeResponse forcedError(int status) throws IOException {
        PracticeResponse response = switch (status) {
            case 429 -> error(429, "Rate limit reached for requests. Retry after 1 second.", "requests",
                    "rate_limit_exceeded");
            case 401 -> error(401, "Incorrect or missing API key.", "invalid_request_error", "invalid_api_key");
            default -> error(status, status >= 500
                    ? "The practice server had an error while processing your request. Retry later."
                    : "The practice server refused this request.", status >= 500 ? "server_error" : "invalid_request_error",
                    null);
        };
        return status == 429 ? response.withHeader("Retry-After", "1").withHeader("x-ratelimit-remaining-requests", "0")
                : response;
    }

    private PracticeResponse error(int status, String message, String type, String code) throws IOException {
        ObjectNode root = json.createObjectNode();
        ObjectNode error = root.putObject("error").put("message", message).put("type", type);
        error.putNull("param");
        if (code == null) {
            error.putNull("code");
        } else {
            error.put("code", code);
        }
        return PracticeResponse.json(status, json.writeValueAsString(root));
    }
}
