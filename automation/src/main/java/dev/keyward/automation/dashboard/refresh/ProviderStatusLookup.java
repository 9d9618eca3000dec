package dev.keyward.automation.dashboard.refresh;

import dev.keyward.automation.dashboard.ServiceStatus;

/**
 * What the provider's status page currently says; the app wires it to the discovery subsystem's
 * status-page findings.
 */
@FunctionalInterface
public interface ProviderStatusLookup {

    /** The provider's service status, {@link ServiceStatus#UNKNOWN} when no status page is known. */
    ServiceStatus statusOf(String providerSlug);

    /** A lookup that knows no status page. */
    static ProviderStatusLookup unknownForAll() {
        return providerSlug -> ServiceStatus.UNKNOWN;
    }
}
