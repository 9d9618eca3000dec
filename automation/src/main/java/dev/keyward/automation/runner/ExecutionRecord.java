package dev.keyward.automation.runner;

/**
 * One {@code automation_executions} row as stored: every text column is already redacted.
 *
 * @param debugScreenshotPathsJson JSON array of encrypted screenshot files, relative to the profile folder
 * @param resultSummaryJson        per-step statuses, non-secret outputs, names of stored secrets
 */
public record ExecutionRecord(
        String id,
        String scriptId,
        String startedAt,
        String completedAt,
        ExecutionStatus status,
        int checkpointsReached,
        int checkpointsApproved,
        int checkpointsRejected,
        String errorMessageRedacted,
        String debugScreenshotPathsJson,
        String resultSummaryJson) {}
