package dev.keyward.automation.dashboard.store;

import dev.keyward.automation.dashboard.HealthStatus;
import dev.keyward.automation.dashboard.summary.DailySummary;
import dev.keyward.automation.dashboard.summary.SummaryKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for {@code dashboard_daily_summaries}; one row per secret and UTC day. */
public final class DailySummaryRepository {

    private static final String COLUMNS = """
            provider_id, avg_usage_percent, max_usage_percent, total_cost, cost_currency, health_summary,
            collection_success_count, collection_failure_count, usage_sample_count, health_counts_json""";

    /** One row by its unique (secret_id, summary_date) index. */
    private static final String FIND_SQL = "SELECT " + COLUMNS
            + " FROM dashboard_daily_summaries WHERE secret_id = ? AND summary_date = ? AND profile_id = ?";

    private static final String UPSERT_SQL = """
            INSERT INTO dashboard_daily_summaries (id, profile_id, secret_id, summary_date, provider_id,
                avg_usage_percent, max_usage_percent, total_cost, cost_currency, health_summary,
                collection_success_count, collection_failure_count, usage_sample_count, health_counts_json)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (secret_id, summary_date) DO UPDATE SET
                provider_id = excluded.provider_id, avg_usage_percent = excluded.avg_usage_percent,
                max_usage_percent = excluded.max_usage_percent, total_cost = excluded.total_cost,
                cost_currency = excluded.cost_currency, health_summary = excluded.health_summary,
                collection_success_count = excluded.collection_success_count,
                collection_failure_count = excluded.collection_failure_count,
                usage_sample_count = excluded.usage_sample_count, health_counts_json = excluded.health_counts_json
             WHERE dashboard_daily_summaries.profile_id = excluded.profile_id""";

    private final String profileId;

    public DailySummaryRepository(String profileId) {
        this.profileId = profileId;
    }

    /** The stored row of one secret and day. Uses idx_dashboard_daily_summaries_secret_date. */
    public Optional<DailySummary> find(Connection c, String secretId, LocalDate day) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(FIND_SQL)) {
            return find(ps, secretId, day);
        }
    }

    /** Every row of one secret, oldest day first. Uses idx_dashboard_daily_summaries_secret_date. */
    public List<DailySummary> forSecret(Connection c, String secretId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", summary_date"
                + " FROM dashboard_daily_summaries WHERE secret_id = ? AND profile_id = ? ORDER BY summary_date")) {
            ps.setString(1, secretId);
            ps.setString(2, profileId);
            try (ResultSet rs = ps.executeQuery()) {
                List<DailySummary> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row(rs, secretId, LocalDate.parse(rs.getString(11))));
                }
                return out;
            }
        }
    }

    /** Writes the row of {@code summary}'s secret and day, replacing the values of an existing one. */
    public void upsert(Connection c, DailySummary summary) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPSERT_SQL)) {
            upsert(ps, summary);
        }
    }

    /** Prepares {@link Folding}'s two statements on {@code c}, once for a whole transaction of retention. */
    public Folding folding(Connection c) throws SQLException {
        PreparedStatement find = c.prepareStatement(FIND_SQL);
        try {
            return new Folding(find, c.prepareStatement(UPSERT_SQL));
        } catch (SQLException e) {
            find.close();
            throw e;
        }
    }

    /**
     * Reads and writes summary rows with statements prepared once: retention folds into hundreds of
     * key-days per transaction, and preparing the upsert each time cost more than running it.
     */
    public final class Folding implements AutoCloseable {

        private final PreparedStatement find;
        private final PreparedStatement upsert;

        private Folding(PreparedStatement find, PreparedStatement upsert) {
            this.find = find;
            this.upsert = upsert;
        }

        /** The stored row of one secret and day. */
        public Optional<DailySummary> find(String secretId, LocalDate day) throws SQLException {
            return DailySummaryRepository.this.find(find, secretId, day);
        }

        /** Writes the row of {@code summary}'s secret and day, replacing the values of an existing one. */
        public void upsert(DailySummary summary) throws SQLException {
            DailySummaryRepository.upsert(upsert, summary);
        }

        @Override
        public void close() throws SQLException {
            try {
                find.close();
            } finally {
                upsert.close();
            }
        }
    }

    private Optional<DailySummary> find(PreparedStatement ps, String secretId, LocalDate day) throws SQLException {
        ps.setString(1, secretId);
        ps.setString(2, day.toString());
        ps.setString(3, profileId);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(row(rs, secretId, day)) : Optional.empty();
        }
    }

    private static void upsert(PreparedStatement ps, DailySummary summary) throws SQLException {
        SummaryKey key = summary.key();
        ps.setString(1, UUID.randomUUID().toString());
        ps.setString(2, key.profileId());
        ps.setString(3, key.secretId());
        ps.setString(4, key.day().toString());
        ps.setString(5, key.providerId());
        setDouble(ps, 6, summary.avgUsagePercent());
        setDouble(ps, 7, summary.maxUsagePercent());
        setDouble(ps, 8, summary.totalCost());
        ps.setString(9, summary.costCurrency());
        ps.setString(10, summary.healthSummary().dbValue());
        ps.setInt(11, summary.collectionSuccessCount());
        ps.setInt(12, summary.collectionFailureCount());
        ps.setInt(13, summary.usageSampleCount());
        ps.setString(14, summary.healthCountsJson());
        ps.executeUpdate();
    }

    private DailySummary row(ResultSet rs, String secretId, LocalDate day) throws SQLException {
        return new DailySummary(new SummaryKey(profileId, secretId, rs.getString(1), day),
                getDouble(rs, 2), getDouble(rs, 3), getDouble(rs, 4), rs.getString(5),
                HealthStatus.fromDbValue(rs.getString(6)), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getString(10));
    }

    private static void setDouble(PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.REAL);
        } else {
            ps.setDouble(index, value);
        }
    }

    private static Double getDouble(ResultSet rs, int index) throws SQLException {
        double v = rs.getDouble(index);
        return rs.wasNull() ? null : v;
    }
}
