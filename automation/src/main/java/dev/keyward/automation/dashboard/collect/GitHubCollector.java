package dev.keyward.automation.dashboard.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.keyward.automation.dashboard.CollectionResult;
import dev.keyward.automation.dashboard.FailureCause;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Checks a GitHub token with {@code GET {base}/rate_limit} (which does not count against the limit)
 * and reports the core rate limit as usage: percent = used / limit of {@code resources.core}. Scopes come from
 * {@code X-OAuth-Scopes} (classic tokens) and the expiry from {@code github-authentication-token-expiration}, as
 * GitHub's REST API reference (API version 2022-11-28) documents them.
 */
public final class GitHubCollector implements ApiCollector {

    static final String RATE_LIMIT = "/rate_limit";

    private final ProviderHttp http;

    public GitHubCollector(ProviderHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public CollectionResult collect(CollectorRequest request) {
        Optional<CollectionResult> unsendable = AnswerRules.unsendable(request);
        if (unsendable.isPresent()) {
            return unsendable.get();
        }
        String api = "The GitHub API at " + request.host();
        Map<String, String> headers = Map.of(
                "Authorization", AuthHeaders.value("token ", request.key()),
                "Accept", "application/vnd.github+json",
                "X-GitHub-Api-Version", "2022-11-28");
        ProviderAnswer answer = asRateLimit(http.get(request.endpoint(RATE_LIMIT), headers, request.timeout()));
        if (!(answer instanceof ProviderAnswer.Answered answered) || !answered.isSuccess()) {
            return AnswerRules.failedProbe(api, RATE_LIMIT, answer, request);
        }
        ResultDraft draft = new ResultDraft();
        Optional<JsonNode> core = JsonBodies.object(answered.body())
                .map(root -> root.path("resources").path("core"))
                .filter(JsonNode::isObject);
        if (core.isEmpty() || !readCore(core.get(), draft)) {
            draft.problem(FailureCause.MALFORMED_RESPONSE, AnswerRules.malformed(api, RATE_LIMIT));
        }
        answered.header("X-OAuth-Scopes").ifPresent(scopes -> {
            ArrayNode list = draft.config().putArray("scopes");
            for (String scope : scopes.split(",")) {
                String trimmed = scope.trim();
                if (trimmed.matches("[a-z][a-z:_-]{0,40}")) {
                    list.add(trimmed);
                }
            }
        });
        // GitHub REST docs, "Authenticating to the REST API": a fine-grained or expiring classic token's answers carry
        // github-authentication-token-expiration, e.g. "2026-04-01 00:00:00 UTC" (older answers: "... +0000").
        answered.header("github-authentication-token-expiration").flatMap(GitHubCollector::expiry)
                .ifPresent(expiresAt -> draft.config().put("token_expires_at", expiresAt.toString()));
        return draft.build();
    }

    static Optional<Instant> expiry(String header) {
        String text = header.trim();
        for (String pattern : new String[] {"yyyy-MM-dd HH:mm:ss 'UTC'", "yyyy-MM-dd HH:mm:ss Z", "yyyy-MM-dd HH:mm:ss z"}) {
            try {
                java.time.format.DateTimeFormatter format = java.time.format.DateTimeFormatter.ofPattern(pattern, java.util.Locale.ROOT);
                if (pattern.endsWith("'UTC'")) {
                    return Optional.of(java.time.LocalDateTime.parse(text, format).toInstant(java.time.ZoneOffset.UTC));
                }
                return Optional.of(java.time.ZonedDateTime.parse(text, format).toInstant());
            } catch (java.time.format.DateTimeParseException e) {
                // try the next documented form
            }
        }
        return Optional.empty();
    }

    private static boolean readCore(JsonNode core, ResultDraft draft) {
        OptionalLong limit = JsonBodies.whole(core, "limit");
        OptionalLong remaining = JsonBodies.whole(core, "remaining");
        OptionalLong used = JsonBodies.whole(core, "used");
        if (used.isEmpty() && limit.isPresent() && remaining.isPresent()) {
            used = OptionalLong.of(Math.max(0, limit.getAsLong() - remaining.getAsLong()));
        }
        if (limit.isEmpty() || used.isEmpty()) {
            return false;
        }
        draft.usage().put("requests", used.getAsLong());
        draft.usage().put("limit", limit.getAsLong());
        remaining.ifPresent(value -> draft.usage().put("remaining", value));
        if (limit.getAsLong() > 0) {
            draft.usage().put("usage_percent", used.getAsLong() * 100.0 / limit.getAsLong());
        }
        JsonBodies.whole(core, "reset").ifPresent(epochSeconds ->
                draft.usage().put("reset_at", Instant.ofEpochSecond(epochSeconds).toString()));
        draft.restrictions().put("rate_limit_requests", limit.getAsLong());
        return true;
    }

    // GitHub signals an exhausted rate limit with 403 and x-ratelimit-remaining: 0; that is throttling, not a bad token.
    private static ProviderAnswer asRateLimit(ProviderAnswer answer) {
        if (answer instanceof ProviderAnswer.Answered answered && answered.statusCode() == 403
                && answered.header("x-ratelimit-remaining").filter("0"::equals).isPresent()) {
            return new ProviderAnswer.Answered(429, answered.headers(), null);
        }
        return answer;
    }
}
