package dev.keyward.automation.dashboard.admin;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One day of one key's usage of one model, as a 1d usage bucket reports it.
 *
 * @param day          the UTC day the bucket starts on
 * @param upstreamId   the provider's key id ({@code ""} when the provider did not say)
 * @param model        the model ({@code ""} when the provider did not say)
 * @param requests     model requests, or -1 when the endpoint does not count them
 * @param inputTokens  input tokens, cached ones included
 * @param outputTokens output tokens
 */
public record UsageRow(LocalDate day, String upstreamId, String model, long requests, long inputTokens, long outputTokens) {

    public UsageRow {
        Objects.requireNonNull(day, "day");
        upstreamId = upstreamId == null ? "" : upstreamId;
        model = model == null ? "" : model;
    }

    /** This row and {@code other} (same day, key and model) added up. */
    public UsageRow plus(UsageRow other) {
        long sumRequests = requests < 0 && other.requests < 0 ? -1 : Math.max(0, requests) + Math.max(0, other.requests);
        return new UsageRow(day, upstreamId, model, sumRequests, inputTokens + other.inputTokens,
                outputTokens + other.outputTokens);
    }
}
