package dev.keyward.automation.dashboard.schedule;

import java.time.Instant;
import java.util.Objects;

/**
 * What to do about the dashboard refresh when a vault is unlocked.
 *
 * @param missed true when a run fell due while the vault was closed (or it never ran)
 * @param runAt  when the next run should happen: now, the end of the quiet window, or the regular time
 */
public record UnlockCatchUp(boolean missed, Instant runAt) {

    public UnlockCatchUp {
        Objects.requireNonNull(runAt, "runAt");
    }
}
