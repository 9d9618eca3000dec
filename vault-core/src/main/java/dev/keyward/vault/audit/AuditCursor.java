package dev.keyward.vault.audit;

/** Where the next page of the audit log starts: after the entry with this time and id. */
public record AuditCursor(String occurredAt, String id) {

    public static AuditCursor after(AuditEntry last) {
        return new AuditCursor(last.occurredAt(), last.id());
    }
}
