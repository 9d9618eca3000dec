package dev.keyward.automation.discovery;

/**
 * The profile's {@code discovery_network_enabled} setting, read live: while it answers false,
 * discovery makes no request at all.
 */
@FunctionalInterface
public interface NetworkSwitch {

    boolean discoveryNetworkEnabled();
}
