package dev.keyward.automation.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one collection found for one key: the fields of a seed 002 {@code dashboard_snapshots} row
 * (without ids and time), plus the {@link FailureCause} the refresher uses to decide on retries.
 *
 * @param method               {@code collection_method}
 * @param status               {@code collection_status}
 * @param usageStatsJson       {@code usage_stats_json}, a JSON object, or null
 * @param configAttributesJson {@code config_attributes_json}, a JSON object, or null
 * @param restrictionsJson     {@code restrictions_json}, a JSON object, or null
 * @param health               {@code health_status}
 * @param service              {@code service_status}
 * @param warnings             sentences for {@code warnings_json}; see {@link #warningsJson()}
 * @param errorMessageRedacted {@code error_message_redacted}: status code and a short reason, never a
 *                             response body or a key; null when nothing went wrong
 * @param cause                why the collection fell short; {@link FailureCause#NONE} on success
 */
public record CollectionResult(
        CollectionMethod method,
        CollectionStatus status,
        String usageStatsJson,
        String configAttributesJson,
        String restrictionsJson,
        HealthStatus health,
        ServiceStatus service,
        List<String> warnings,
        String errorMessageRedacted,
        FailureCause cause) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public CollectionResult {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(cause, "cause");
        warnings = List.copyOf(warnings);
    }

    /** A collection that got nothing: no usage, no configuration, one error sentence. */
    public static CollectionResult failed(CollectionMethod method, HealthStatus health, FailureCause cause,
                                          String errorSentence) {
        return new CollectionResult(method, CollectionStatus.FAILED, null, null, null, health,
                ServiceStatus.UNKNOWN, List.of(), errorSentence, cause);
    }

    /** The same result with the provider's service status set. */
    public CollectionResult withService(ServiceStatus newService) {
        return new CollectionResult(method, status, usageStatsJson, configAttributesJson, restrictionsJson,
                health, newService, warnings, errorMessageRedacted, cause);
    }

    /** The same result with another {@code usage_stats_json}. */
    public CollectionResult withUsageStats(String newUsageStatsJson) {
        return new CollectionResult(method, status, newUsageStatsJson, configAttributesJson, restrictionsJson,
                health, service, warnings, errorMessageRedacted, cause);
    }

    /** The same result with another health status. */
    public CollectionResult withHealth(HealthStatus newHealth) {
        return new CollectionResult(method, status, usageStatsJson, configAttributesJson, restrictionsJson,
                newHealth, service, warnings, errorMessageRedacted, cause);
    }

    /** The same result with these warnings appended to the ones it already has. */
    public CollectionResult withMoreWarnings(List<String> more) {
        List<String> all = new ArrayList<>(warnings);
        all.addAll(more);
        return new CollectionResult(method, status, usageStatsJson, configAttributesJson, restrictionsJson,
                health, service, all, errorMessageRedacted, cause);
    }

    /** The same result with every warning and the error sentence passed through {@code redactor}. */
    public CollectionResult redactedBy(TextRedactor redactor) {
        List<String> cleanWarnings = warnings.stream().map(redactor::redact).toList();
        String cleanError = errorMessageRedacted == null ? null : redactor.redact(errorMessageRedacted);
        return new CollectionResult(method, status, usageStatsJson, configAttributesJson, restrictionsJson,
                health, service, cleanWarnings, cleanError, cause);
    }

    /** The warnings as the JSON array stored in {@code warnings_json}, or null when there are none. */
    public String warningsJson() {
        if (warnings.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(warnings);
        } catch (JsonProcessingException e) {
            // A list of strings always serialises; reaching this would be a Jackson defect.
            throw new IllegalStateException("Warnings could not be written as JSON.", e);
        }
    }
}
