package dev.keyward.vault.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyward.vault.io.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Appends to {@code audit_log} inside the caller's transaction, so an action and its record
 * commit together; reads pages newest first with a cursor. Callers pass names, ids and counts
 * in the details, never values.
 */
public final class AuditLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String profileId;
    private final Clock clock;
    private final String actor;
    private final BooleanSupplier readOnly;

    public AuditLog(String profileId, Clock clock, String actor) {
        this(profileId, clock, actor, () -> false);
    }

    /** An audit log that records nothing while {@code readOnly} says the vault cannot be written. */
    public AuditLog(String profileId, Clock clock, String actor, BooleanSupplier readOnly) {
        this.profileId = profileId;
        this.clock = clock;
        this.actor = actor;
        this.readOnly = readOnly;
    }

    /**
     * Appends an entry; on a read-only vault (a folder that cannot be written) the entry is skipped,
     * so reading still works: the session says so to the user once, and any real change fails anyway.
     */
    public void record(Connection c, String category, String action, String subjectType, String subjectId,
                       Map<String, ?> details) throws SQLException {
        if (readOnly.getAsBoolean()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO audit_log (id, profile_id, occurred_at, category, action, subject_type, subject_id, actor, details_json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setString(1, UUID.randomUUID().toString());
            ps.setString(2, profileId);
            ps.setString(3, Timestamps.now(clock));
            ps.setString(4, category);
            ps.setString(5, action);
            ps.setString(6, subjectType);
            ps.setString(7, subjectId);
            ps.setString(8, actor);
            ps.setString(9, details == null || details.isEmpty() ? null : json(details));
            ps.executeUpdate();
        }
    }

    /**
     * A page of entries older than {@code before} (null: from the newest), newest first; uses
     * idx_audit_log_profile_time or idx_audit_log_profile_category_time.
     */
    public List<AuditEntry> page(Connection c, String category, AuditCursor before, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("""
                SELECT id, occurred_at, category, action, subject_type, subject_id, actor, details_json
                  FROM audit_log WHERE profile_id = ?""");
        List<String> args = new ArrayList<>(List.of(profileId));
        if (category != null) {
            sql.append(" AND category = ?");
            args.add(category);
        }
        if (before != null) {
            sql.append(" AND (occurred_at < ? OR (occurred_at = ? AND id < ?))");
            args.add(before.occurredAt());
            args.add(before.occurredAt());
            args.add(before.id());
        }
        sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT ?");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (String arg : args) {
                ps.setString(i++, arg);
            }
            ps.setInt(i, Math.max(1, Math.min(limit, 1000)));
            try (ResultSet rs = ps.executeQuery()) {
                List<AuditEntry> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new AuditEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                }
                return out;
            }
        }
    }

    private static String json(Map<String, ?> details) {
        try {
            return JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details must be plain values", e);
        }
    }
}
