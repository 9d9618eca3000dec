package dev.keyward.automation.discovery.store;

import dev.keyward.automation.discovery.FindingCursor;
import dev.keyward.automation.discovery.FindingPage;
import dev.keyward.automation.discovery.FindingQuery;
import dev.keyward.automation.discovery.FindingStatus;
import dev.keyward.automation.discovery.StoredFinding;
import dev.keyward.automation.discovery.Finding;
import dev.keyward.automation.discovery.KnownFinding;
import dev.keyward.automation.discovery.classify.FindingCategory;
import dev.keyward.automation.discovery.classify.Urgency;
import dev.keyward.automation.feeds.SourceKind;
import dev.keyward.automation.error.AutomationErrorKind;
import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.Fact;
import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.NotFoundException;
import dev.keyward.vault.io.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Reads and writes {@code discovery_findings} of one profile. Every text stored passes the vault's
 * redactor first; the caller owns the connection and its transaction.
 */
public final class FindingRepository {

    private static final Pattern ID_PREFIX = Pattern.compile("[0-9a-fA-F-]{6,36}");
    private static final int NOTES_MAX = 2000;
    // Most urgent first: the rank orders the inbox and its cursor. V102's inbox indexes hold this very expression.
    private static final String RANK =
            "CASE f.urgency WHEN 'critical' THEN 3 WHEN 'action_needed' THEN 2 WHEN 'advisory' THEN 1 ELSE 0 END";
    private static final String COLUMNS = """
            SELECT f.id, f.provider_id, p.slug, p.name, f.discovered_at, f.published_at, f.source_url, f.source_title,
                   f.source_snippet, f.source_kind, f.category, f.urgency, f.relevance_score, f.relevance_reason,
                   f.impact_summary, f.action_recommendation, f.user_status, f.reviewed_at, f.user_notes, f.created_at
              FROM discovery_findings f
              JOIN providers p ON p.id = f.provider_id AND p.profile_id = f.profile_id""";

    private final String profileId;
    private final UnaryOperator<String> redactor;

    public FindingRepository(String profileId, UnaryOperator<String> redactor) {
        this.profileId = Objects.requireNonNull(profileId, "profileId");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
    }

    /** Stores a new finding with {@code user_status = new}; returns its id. */
    public String insert(Connection c, Finding f, Instant createdAt) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO discovery_findings (id, profile_id, provider_id, discovered_at, source_url, source_title,
                    source_snippet, category, impact_summary, action_recommendation, urgency, relevance_score,
                    user_status, created_at, relevance_reason, source_kind, published_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', ?, ?, ?, ?)""")) {
            ps.setString(1, id);
            ps.setString(2, profileId);
            ps.setString(3, f.providerId());
            ps.setString(4, Timestamps.format(f.discoveredAt()));
            ps.setString(5, f.sourceUrl());
            ps.setString(6, redactor.apply(f.sourceTitle()));
            ps.setString(7, redactor.apply(f.sourceSnippet()));
            ps.setString(8, f.category().dbValue());
            ps.setString(9, redactor.apply(f.impactSummary()));
            ps.setString(10, redactor.apply(f.actionRecommendation()));
            ps.setString(11, f.urgency().dbValue());
            ps.setDouble(12, f.relevanceScore());
            ps.setString(13, Timestamps.format(createdAt));
            ps.setString(14, redactor.apply(f.relevanceReason()));
            ps.setString(15, f.sourceKind().dbValue());
            ps.setString(16, f.publishedAt() == null ? null : Timestamps.format(f.publishedAt()));
            ps.executeUpdate();
        }
        return id;
    }

    /** Addresses and titles of a provider's findings discovered since {@code since}; uses idx_discovery_findings_provider_discovered. */
    public List<KnownFinding> known(Connection c, String providerId, Instant since) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT source_url, source_title FROM discovery_findings
                 WHERE profile_id = ? AND provider_id = ? AND discovered_at >= ?
                 ORDER BY discovered_at DESC""")) {
            ps.setString(1, profileId);
            ps.setString(2, providerId);
            ps.setString(3, Timestamps.format(since));
            try (ResultSet rs = ps.executeQuery()) {
                List<KnownFinding> known = new ArrayList<>();
                while (rs.next()) {
                    known.add(new KnownFinding(rs.getString(1), rs.getString(2)));
                }
                return known;
            }
        }
    }

    /**
     * One inbox page, most urgent first, then newest; read in index order from idx_discovery_findings_inbox, or
     * idx_discovery_findings_status_inbox when filtered by status.
     */
    public FindingPage page(Connection c, FindingQuery query) throws SQLException {
        StringBuilder sql = new StringBuilder(COLUMNS).append(" WHERE f.profile_id = ?");
        List<Object> args = new ArrayList<>(List.of(profileId));
        if (!query.statuses().isEmpty()) {
            sql.append(" AND f.user_status IN (").append(marks(query.statuses().size())).append(')');
            query.statuses().stream().map(FindingStatus::dbValue).sorted().forEach(args::add);
        }
        if (!query.urgencies().isEmpty()) {
            sql.append(" AND f.urgency IN (").append(marks(query.urgencies().size())).append(')');
            query.urgencies().stream().map(Urgency::dbValue).sorted().forEach(args::add);
        }
        if (query.providerSlug() != null) {
            sql.append(" AND p.slug = ?");
            args.add(query.providerSlug());
        }
        FindingCursor after = query.after();
        if (after != null) {
            sql.append(" AND (").append(RANK).append(", f.discovered_at, f.id) < (?, ?, ?)");
            args.addAll(List.of(after.urgency().ordinal(), Timestamps.format(after.discoveredAt()), after.id()));
        }
        sql.append(" ORDER BY ").append(RANK).append(" DESC, f.discovered_at DESC, f.id DESC LIMIT ?");
        args.add(query.limit() + 1);
        List<StoredFinding> found = list(c, sql.toString(), args);
        if (found.size() <= query.limit()) {
            return new FindingPage(found, Optional.empty());
        }
        List<StoredFinding> page = found.subList(0, query.limit());
        return new FindingPage(page, Optional.of(page.get(page.size() - 1).cursor()));
    }

    /** Deletes findings discovered before {@code before} (seed 002 retention); returns how many. */
    public int deleteDiscoveredBefore(Connection c, Instant before) throws SQLException {
        // No index leads with discovered_at; a profile holds a few thousand findings at most.
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM discovery_findings WHERE profile_id = ? AND discovered_at < ?")) {
            ps.setString(1, profileId);
            ps.setString(2, Timestamps.format(before));
            return ps.executeUpdate();
        }
    }

    /** How many findings have {@code status}; uses idx_discovery_findings_status_urgency. */
    public int count(Connection c, FindingStatus status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM discovery_findings WHERE profile_id = ? AND user_status = ?")) {
            ps.setString(1, profileId);
            ps.setString(2, status.dbValue());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    public Optional<StoredFinding> get(Connection c, String id) throws SQLException {
        List<StoredFinding> found = list(c, COLUMNS + " WHERE f.profile_id = ? AND f.id = ?", List.of(profileId, id));
        return found.stream().findFirst();
    }

    /** The id a user typed: a whole id, or a prefix of at least six characters that names one finding. */
    public String resolveId(Connection c, String idOrPrefix) throws SQLException {
        String typed = idOrPrefix == null ? "" : idOrPrefix.strip().toLowerCase(Locale.ROOT);
        if (!ID_PREFIX.matcher(typed).matches()) {
            throw notFound(idOrPrefix);
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM discovery_findings WHERE profile_id = ? AND substr(id, 1, ?) = ? LIMIT 2")) {
            ps.setString(1, profileId);
            ps.setInt(2, typed.length());
            ps.setString(3, typed);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw notFound(idOrPrefix);
                }
                String id = rs.getString(1);
                if (rs.next()) {
                    throw new InvalidInputException("More than one finding starts with '" + typed
                            + "'; give more of its id.");
                }
                return id;
            }
        }
    }

    /** Sets the user's status (and notes, unless null); reviewed_at is set now, or cleared for {@code new}. */
    public void mark(Connection c, String id, FindingStatus status, String notes, Instant now) throws SQLException {
        if (notes != null && notes.length() > NOTES_MAX) {
            throw new InvalidInputException("Notes may be at most " + NOTES_MAX + " characters; nothing was changed.");
        }
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE discovery_findings SET user_status = ?, reviewed_at = ?, user_notes = coalesce(?, user_notes)
                 WHERE profile_id = ? AND id = ?""")) {
            ps.setString(1, status.dbValue());
            ps.setString(2, status == FindingStatus.NEW ? null : Timestamps.format(now));
            ps.setString(3, notes == null ? null : redactor.apply(notes.strip()));
            ps.setString(4, profileId);
            ps.setString(5, id);
            if (ps.executeUpdate() == 0) {
                throw notFound(id);
            }
        }
    }

    /** The error for a finding id that names no finding of this profile. */
    public static NotFoundException notFound(String id) {
        return new NotFoundException(AutomationErrorKind.FINDING_NOT_FOUND, ErrorFacts.of(Fact.FINDING, id));
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static List<StoredFinding> list(Connection c, String sql, List<Object> args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<StoredFinding> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new StoredFinding(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            instant(rs.getString(5)), instant(rs.getString(6)), rs.getString(7), rs.getString(8),
                            rs.getString(9), sourceKind(rs.getString(10)),
                            FindingCategory.valueOf(rs.getString(11).toUpperCase(Locale.ROOT)),
                            Urgency.valueOf(rs.getString(12).toUpperCase(Locale.ROOT)), rs.getDouble(13),
                            rs.getString(14), rs.getString(15), rs.getString(16), FindingStatus.fromDb(rs.getString(17)),
                            instant(rs.getString(18)), rs.getString(19), instant(rs.getString(20))));
                }
                return out;
            }
        }
    }

    private static SourceKind sourceKind(String value) {
        return value == null ? null : SourceKind.valueOf(value.toUpperCase(Locale.ROOT));
    }

    private static Instant instant(String text) {
        return text == null ? null : Timestamps.parse(text);
    }
}
