/**
 * The pure engine of dashboard snapshots: collecting each API key's usage and health from its
 * provider, turning the outcome into {@code dashboard_snapshots} fields, warnings, refresh
 * scheduling and the retention fold into {@code dashboard_daily_summaries}.
 *
 * <p>Nothing here touches the vault database, the scheduler or the UI; those are reached through
 * small interfaces ({@link dev.keyward.automation.dashboard.TextRedactor},
 * {@link dev.keyward.automation.dashboard.refresh.SecretValueReader},
 * {@link dev.keyward.automation.dashboard.refresh.LastSnapshotLookup}, ...) that the app wires.
 *
 * <p>Enum constants are upper case; {@code dbValue()} gives the lower-case string of seed 002.
 */
package dev.keyward.automation.dashboard;
