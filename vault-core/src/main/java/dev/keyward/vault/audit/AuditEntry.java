package dev.keyward.vault.audit;

/** One row of the append-only audit log; details never hold a secret value. */
public record AuditEntry(String id, String occurredAt, String category, String action, String subjectType,
                         String subjectId, String actor, String detailsJson) {
}
