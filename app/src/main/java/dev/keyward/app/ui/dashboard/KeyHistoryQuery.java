package dev.keyward.app.ui.dashboard;

import dev.keyward.automation.dashboard.UsageReading;
import dev.keyward.automation.dashboard.store.DailySummaryRepository;
import dev.keyward.vault.io.Timestamps;
import dev.keyward.vault.session.VaultSession;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads one key's daily summaries and recent snapshots for the detail charts, in one read transaction. */
final class KeyHistoryQuery {

    /** Only the figures; retention keeps a few dozen snapshots per key, so no paging is needed. */
    private static final String SNAPSHOTS = """
            SELECT collected_at, usage_stats_json
              FROM dashboard_snapshots INDEXED BY idx_dashboard_snapshots_secret_collected
             WHERE secret_id = ? AND profile_id = ? AND collected_at >= ?
             ORDER BY collected_at""";

    private final VaultSession session;

    KeyHistoryQuery(VaultSession session) {
        this.session = session;
    }

    /** The key's history from {@code since} on (summaries are all read; retention bounds them to a year). */
    KeyHistory load(String secretId, Instant since) {
        String profileId = session.profileId();
        return session.database().read(c -> new KeyHistory(
                new DailySummaryRepository(profileId).forSecret(c, secretId),
                snapshots(c, profileId, secretId, since)));
    }

    private static List<KeyHistory.Snapshot> snapshots(Connection c, String profileId, String secretId, Instant since)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SNAPSHOTS)) {
            ps.setString(1, secretId);
            ps.setString(2, profileId);
            ps.setString(3, Timestamps.format(since));
            try (ResultSet rs = ps.executeQuery()) {
                List<KeyHistory.Snapshot> out = new ArrayList<>();
                while (rs.next()) {
                    UsageReading usage = UsageReading.of(rs.getString(2));
                    out.add(new KeyHistory.Snapshot(Timestamps.parse(rs.getString(1)),
                            usage.usagePercent().isPresent() ? usage.usagePercent().getAsDouble() : null,
                            usage.cost().isPresent() ? usage.cost().getAsDouble() : null,
                            usage.currency().orElse(null)));
                }
                return out;
            }
        }
    }
}
