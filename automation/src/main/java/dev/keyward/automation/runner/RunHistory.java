package dev.keyward.automation.runner;

import dev.keyward.vault.NotFoundException;
import dev.keyward.vault.session.VaultSession;
import java.util.List;
import java.util.Optional;

/**
 * Past runs for the desktop's run list and the CLI: runs of a script, their checkpoints, their screenshots.
 * Only reads: a profile whose automation is not enabled has no runs, and asking does not enable it.
 */
public final class RunHistory {

    private final VaultSession session;
    private final ExecutionRepository executions;
    private final CheckpointRepository checkpoints;

    public RunHistory(VaultSession session) {
        this.session = session;
        this.executions = new ExecutionRepository(session.profileId());
        this.checkpoints = new CheckpointRepository(session.profileId());
    }

    /** The script's latest runs, newest first. */
    public List<ExecutionRecord> runsOf(String scriptId, int limit) {
        if (!session.automationEnabled()) {
            return List.of();
        }
        return session.database().read(c -> executions.listByScript(c, scriptId, limit));
    }

    public ExecutionRecord run(String executionId) {
        Optional<ExecutionRecord> found = session.automationEnabled()
                ? session.database().read(c -> executions.find(c, executionId)) : Optional.empty();
        return found.orElseThrow(() ->
                new NotFoundException("No automation run with id '" + executionId + "' in this profile."));
    }

    /** The run's checkpoints in the order they were decided. */
    public List<CheckpointRecord> checkpointsOf(String executionId) {
        if (!session.automationEnabled()) {
            return List.of();
        }
        return session.database().read(c -> checkpoints.listByExecution(c, executionId));
    }

    /** A screenshot of the run, decrypted to PNG bytes; {@code relativePath} as listed in the run's record. */
    public byte[] screenshot(String executionId, String relativePath) {
        return new DebugScreenshots(session).open(executionId, relativePath);
    }
}
