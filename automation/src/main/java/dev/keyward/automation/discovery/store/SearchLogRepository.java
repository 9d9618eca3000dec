package dev.keyward.automation.discovery.store;

import dev.keyward.automation.discovery.ProviderRunResult;
import dev.keyward.automation.discovery.RunStatus;
import dev.keyward.automation.discovery.SearchLogEntry;
import dev.keyward.automation.discovery.Trigger;
import dev.keyward.vault.io.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Writes and reads {@code discovery_search_log} of one profile: one row per provider checked in a run. */
public final class SearchLogRepository {

    private final String profileId;
    private final UnaryOperator<String> redactor;

    public SearchLogRepository(String profileId, UnaryOperator<String> redactor) {
        this.profileId = Objects.requireNonNull(profileId, "profileId");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
    }

    public String insert(Connection c, ProviderRunResult r) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO discovery_search_log (id, profile_id, provider_id, searched_at, trigger_type, queries_executed,
                    results_found, findings_generated, status, error_message_redacted)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setString(1, id);
            ps.setString(2, profileId);
            ps.setString(3, r.providerId());
            ps.setString(4, Timestamps.format(r.searchedAt()));
            ps.setString(5, r.trigger().dbValue());
            ps.setInt(6, r.queriesExecuted());
            ps.setInt(7, r.resultsFound());
            ps.setInt(8, r.findingsGenerated());
            ps.setString(9, r.status().dbValue());
            ps.setString(10, r.errorMessageRedacted() == null ? null : redactor.apply(r.errorMessageRedacted()));
            ps.executeUpdate();
        }
        return id;
    }

    /** Deletes rows searched before {@code before} (seed 002: 30 days); returns how many. */
    public int deleteSearchedBefore(Connection c, Instant before) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM discovery_search_log WHERE profile_id = ? AND searched_at < ?")) {
            ps.setString(1, profileId);
            ps.setString(2, Timestamps.format(before));
            return ps.executeUpdate();
        }
    }

    /** When each provider was last checked, to seed the rate limiter; uses idx_discovery_search_log_provider_searched. */
    public Map<String, Instant> lastSearchedByProvider(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT provider_id, max(searched_at) FROM discovery_search_log
                 WHERE profile_id = ? GROUP BY provider_id""")) {
            ps.setString(1, profileId);
            try (ResultSet rs = ps.executeQuery()) {
                Map<String, Instant> last = new HashMap<>();
                while (rs.next()) {
                    last.put(rs.getString(1), Timestamps.parse(rs.getString(2)));
                }
                return last;
            }
        }
    }

    /** The newest rows, newest first, of one provider (null: all); uses idx_discovery_search_log_provider_searched. */
    public List<SearchLogEntry> recent(Connection c, String providerSlug, int limit) throws SQLException {
        String sql = """
                SELECT l.id, l.provider_id, p.slug, l.searched_at, l.trigger_type, l.queries_executed, l.results_found,
                       l.findings_generated, l.status, l.error_message_redacted
                  FROM discovery_search_log l
                  JOIN providers p ON p.id = l.provider_id AND p.profile_id = l.profile_id
                 WHERE l.profile_id = ?""" + (providerSlug == null ? "" : " AND p.slug = ?")
                + " ORDER BY l.searched_at DESC, l.id DESC LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, profileId);
            if (providerSlug != null) {
                ps.setString(i++, providerSlug);
            }
            ps.setInt(i, Math.max(1, limit));
            try (ResultSet rs = ps.executeQuery()) {
                List<SearchLogEntry> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new SearchLogEntry(rs.getString(1), rs.getString(2), rs.getString(3),
                            Timestamps.parse(rs.getString(4)),
                            Trigger.valueOf(rs.getString(5).toUpperCase(Locale.ROOT)), rs.getInt(6), rs.getInt(7),
                            rs.getInt(8), RunStatus.valueOf(rs.getString(9).toUpperCase(Locale.ROOT)),
                            rs.getString(10)));
                }
                return out;
            }
        }
    }
}
