package dev.keyward.automation.dashboard.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.testing.SettableClock;
import dev.keyward.automation.testing.TestVault;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot queries find each key's rows through the per-secret index, never by scanning the profile's snapshots. */
class SnapshotQueryPlanTest {

    @TempDir
    Path dir;

    @Test
    void theLatestSnapshotIsALookupOnTheSecretIndex() {
        String plan = plan(SnapshotRepository.OVERVIEW_SQL);
        assertTrue(plan.contains("USING INDEX idx_dashboard_snapshots_secret_collected (secret_id=?)"), plan);
        assertTrue(plan.contains("SEARCH d USING INTEGER PRIMARY KEY (rowid=?)"), plan);
        assertFalse(plan.contains("SCAN d") || plan.contains("SCAN x"), plan);
    }

    @Test
    void retentionCountsEachKeyFromTheSecretIndexAlone() {
        String plan = plan(SnapshotRepository.EXCESS_SQL);
        assertTrue(plan.contains("USING COVERING INDEX idx_dashboard_snapshots_secret_collected (secret_id=?)"), plan);
        assertFalse(plan.contains("SCAN d"), plan);
    }

    @Test
    void retentionReadsAKeysOldestRowsBeyondItsCutAsARangeOfTheSecretIndex() {
        String plan = plan(SnapshotRepository.OLDEST_BEYOND_SQL);
        assertTrue(plan.contains("SEARCH dashboard_snapshots USING INDEX idx_dashboard_snapshots_secret_collected"
                + " (secret_id=? AND collected_at<?)"), plan);
        // Only ties in time are sorted (by id); the rows come in the index's order, so LIMIT stops the read early.
        assertFalse(plan.contains("SCAN") || plan.contains("USE TEMP B-TREE FOR ORDER BY"), plan);
    }

    private String plan(String sql) {
        try (TestVault vault = TestVault.create(dir, SettableClock.at("2026-03-10T12:00:00Z"))) {
            return vault.session().database().read(c -> {
                StringBuilder out = new StringBuilder();
                try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
                    for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
                        ps.setString(i, i == 1 && sql.contains("- ?") ? "24" : vault.session().profileId());
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.append(rs.getString(4)).append('\n');
                        }
                    }
                }
                return out.toString();
            });
        }
    }
}
