package dev.keyward.automation.generate;

import dev.keyward.vault.session.VaultSession;
import java.sql.PreparedStatement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Stores a generated program as a new {@code automation_scripts} row with approval status
 * {@code pending}, and its audit record in the same transaction.
 */
public final class PendingScriptWriter implements GeneratedProgramStore {

    private final VaultSession session;

    public PendingScriptWriter(VaultSession session) {
        this.session = session;
    }

    @Override
    public String storePending(ScriptDraft draft) {
        session.enableAutomation();
        String id = UUID.randomUUID().toString();
        String now = session.now();
        return session.database().write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO automation_scripts (id, profile_id, provider_id, task_type, title, description,
                        script_content, model_used, research_data_json, plan_data_json, approval_status, version,
                        created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 1, ?, ?)""")) {
                ps.setString(1, id);
                ps.setString(2, session.profileId());
                ps.setString(3, draft.providerId());
                ps.setString(4, draft.taskType().dbValue());
                ps.setString(5, draft.title());
                ps.setString(6, draft.description());
                ps.setString(7, draft.scriptContent());
                ps.setString(8, draft.modelUsed());
                ps.setString(9, draft.researchJson());
                ps.setString(10, draft.planJson());
                ps.setString(11, now);
                ps.setString(12, now);
                ps.executeUpdate();
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("task_type", draft.taskType().dbValue());
            details.put("model_used", draft.modelUsed());
            session.audit().record(c, "automation", "generate", "automation_script", id, details);
            return id;
        });
    }
}
