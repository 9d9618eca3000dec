package dev.keyward.vault.jobs;

import dev.keyward.vault.io.Timestamps;
import dev.keyward.vault.session.VaultSession;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Records every job run in {@code scheduled_jobs} and the audit log, and keeps a job from
 * running twice at once in this process: {@link #begin} answers empty while a run is under way.
 */
public final class JobRuns {

    private final VaultSession session;
    private final Map<JobName, ReentrantLock> running = new EnumMap<>(JobName.class);

    public JobRuns(VaultSession session) {
        this.session = session;
        for (JobName job : JobName.values()) {
            running.put(job, new ReentrantLock());
        }
    }

    /** A run in progress; {@link #finish} records its outcome and releases the job. */
    public final class Run implements AutoCloseable {
        private final JobName job;
        private final String trigger;
        private boolean finished;

        private Run(JobName job, String trigger) {
            this.job = job;
            this.trigger = trigger;
        }

        public JobName job() {
            return job;
        }

        public void finish(JobStatus status, String errorRedacted, Instant nextRunAt) {
            if (finished) {
                return;
            }
            finished = true;
            try {
                String error = errorRedacted == null ? null : session.redactor().redact(errorRedacted);
                session.database().write(c -> {
                    try (PreparedStatement ps = c.prepareStatement("""
                            UPDATE scheduled_jobs SET last_finished_at = ?, last_status = ?, last_error_redacted = ?,
                                   next_run_at = ?, run_count = run_count + 1
                             WHERE profile_id = ? AND job_name = ?""")) {
                        ps.setString(1, session.now());
                        ps.setString(2, status.dbValue());
                        ps.setString(3, error);
                        ps.setString(4, nextRunAt == null ? null : Timestamps.format(nextRunAt));
                        ps.setString(5, session.profileId());
                        ps.setString(6, job.dbValue());
                        ps.executeUpdate();
                    }
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("job", job.dbValue());
                    details.put("trigger", trigger);
                    details.put("status", status.dbValue());
                    session.audit().record(c, "job", "run", "job", job.dbValue(), details);
                    return null;
                });
            } finally {
                running.get(job).unlock();
            }
        }

        /** A run closed without {@link #finish} failed (an exception escaped the job). */
        @Override
        public void close() {
            if (!finished) {
                finish(JobStatus.FAILED, "The job stopped unexpectedly; it will run again at its next time.", null);
            }
        }
    }

    /** Starts a run of {@code job}, or answers empty when one is already under way. */
    public Optional<Run> begin(JobName job, String trigger) {
        ReentrantLock lock = running.get(job);
        if (!lock.tryLock()) {
            return Optional.empty();
        }
        try {
            session.database().write(c -> {
                ensureRow(c, job);
                try (PreparedStatement ps = c.prepareStatement("""
                        UPDATE scheduled_jobs SET last_started_at = ?, last_status = 'running', last_error_redacted = NULL
                         WHERE profile_id = ? AND job_name = ?""")) {
                    ps.setString(1, session.now());
                    ps.setString(2, session.profileId());
                    ps.setString(3, job.dbValue());
                    ps.executeUpdate();
                }
                return null;
            });
        } catch (RuntimeException e) {
            lock.unlock();
            throw e;
        }
        return Optional.of(new Run(job, trigger));
    }

    /** Plans the next run without running now (e.g. at first unlock). */
    public void scheduleNext(JobName job, Instant nextRunAt) {
        session.database().write(c -> {
            ensureRow(c, job);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE scheduled_jobs SET next_run_at = ? WHERE profile_id = ? AND job_name = ?")) {
                ps.setString(1, Timestamps.format(nextRunAt));
                ps.setString(2, session.profileId());
                ps.setString(3, job.dbValue());
                ps.executeUpdate();
            }
            return null;
        });
    }

    public Optional<JobState> state(JobName job) {
        return session.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT last_started_at, last_finished_at, last_status, last_error_redacted, next_run_at, run_count
                      FROM scheduled_jobs WHERE profile_id = ? AND job_name = ?""")) {
                ps.setString(1, session.profileId());
                ps.setString(2, job.dbValue());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new JobState(job, instant(rs.getString(1)), instant(rs.getString(2)),
                            rs.getString(3), rs.getString(4), instant(rs.getString(5)), rs.getInt(6)));
                }
            }
        });
    }

    private void ensureRow(Connection c, JobName job) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT OR IGNORE INTO scheduled_jobs (id, profile_id, job_name) VALUES (?, ?, ?)")) {
            ps.setString(1, UUID.randomUUID().toString());
            ps.setString(2, session.profileId());
            ps.setString(3, job.dbValue());
            ps.executeUpdate();
        }
    }

    private static Instant instant(String text) {
        return text == null ? null : Timestamps.parse(text);
    }
}
