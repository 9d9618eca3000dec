package dev.keyward.automation.dashboard;

/** A provider with an incident in the latest status data: its slug and {@code degraded} or {@code outage}. */
public record ProviderIncident(String providerSlug, String serviceStatus) {
}
