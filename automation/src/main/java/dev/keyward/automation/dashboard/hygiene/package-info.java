/**
 * The key-hygiene report (the dashboard's "Watchtower"): unused keys, unknown copies at the provider,
 * vault keys gone upstream, keys close to expiry, spend spikes and retired models still in use, each with
 * the actions Keyward can take.
 */
package dev.keyward.automation.dashboard.hygiene;
