package dev.keyward.automation.scripts;

import dev.keyward.automation.program.TaskType;

/**
 * One stored step program, an {@code automation_scripts} row. {@code scriptContent} is the program's JSON
 * (validated, placeholders only, never a credential).
 *
 * @param version             1 at creation, bumped whenever the program's content hash changes
 * @param lastExecutionStatus {@code success}, {@code failure}, {@code aborted}, or null before the first run
 * @param autoApproveRepeat   repeat runs may auto-approve checkpoints approved before, never financial or
 *                            irreversible ones
 */
public record AutomationScript(
        String id,
        String providerId,
        String providerSlug,
        TaskType taskType,
        String title,
        String description,
        String scriptContent,
        String modelUsed,
        String researchDataJson,
        String planDataJson,
        ApprovalStatus approvalStatus,
        String approvedAt,
        int version,
        int executionCount,
        String lastExecutedAt,
        String lastExecutionStatus,
        boolean autoApproveRepeat,
        String createdAt,
        String updatedAt) {

    public boolean approved() {
        return approvalStatus == ApprovalStatus.APPROVED;
    }

    /** The first eight characters of the id, what lists show and what commands accept as a prefix. */
    public String shortId() {
        return id.length() <= 8 ? id : id.substring(0, 8);
    }
}
