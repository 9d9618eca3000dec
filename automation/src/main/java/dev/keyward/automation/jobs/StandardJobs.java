package dev.keyward.automation.jobs;

import dev.keyward.automation.dashboard.refresh.RefreshListener;
import dev.keyward.automation.dashboard.service.DashboardService;
import dev.keyward.automation.dashboard.service.RefreshReport;
import dev.keyward.automation.discovery.CheckPace;
import dev.keyward.automation.discovery.Trigger;
import dev.keyward.automation.discovery.service.DiscoveryOutcome;
import dev.keyward.automation.discovery.service.DiscoveryService;
import dev.keyward.automation.retention.RetentionJob;
import dev.keyward.automation.retention.RetentionReport;
import dev.keyward.vault.jobs.JobName;
import dev.keyward.vault.jobs.JobStatus;
import dev.keyward.vault.session.VaultSession;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneId;

/**
 * Registers Keyward's own background jobs on a session's scheduler: the dashboard refresh (its
 * interval and quiet hours, once at unlock when a run was missed) and retention (daily and at
 * every unlock). Discovery's work and schedule are here too ({@link #discoveryWork},
 * {@link DiscoverySchedulePolicy}); the desktop registers it daily, caught up at unlock when missed.
 */
public final class StandardJobs {

    private StandardJobs() {
    }

    /** Registers both jobs; the dashboard one only when the automation schema is enabled. */
    public static void register(SessionScheduler scheduler, VaultSession session, DashboardService dashboard,
                                RetentionJob retention, ZoneId zone, InstantSource clock) {
        if (session.automationEnabled()) {
            scheduler.register(JobName.DASHBOARD_REFRESH, dashboardWork(dashboard),
                    new DashboardRefreshPolicy(() -> session.settings().current(), zone, clock), UnlockRule.IF_MISSED);
        }
        scheduler.register(JobName.RETENTION, retentionWork(retention), NextRunPolicy.every(Duration.ofDays(1)),
                UnlockRule.ALWAYS);
    }

    /**
     * Discovery as a job. It calls the service directly: {@code DiscoveryJob} begins its own run in
     * {@code scheduled_jobs}, which the scheduler has already begun, so going through it would skip every run.
     * An on-demand run is a person pressing Check now, so it is a fresh check past the per-provider interval;
     * scheduled and catch-up runs keep the interval.
     */
    public static JobWork discoveryWork(DiscoveryService discovery) {
        return trigger -> {
            CheckPace pace = trigger == JobTrigger.ON_DEMAND ? CheckPace.FRESH : CheckPace.PACED;
            DiscoveryOutcome outcome = discovery.run(Trigger.valueOf(trigger.name()), null, pace);
            return new JobOutcome(outcome.jobStatus(), outcome.jobError());
        };
    }

    /** The dashboard refresh as a job: scheduled and catch-up runs are unattended. */
    public static JobWork dashboardWork(DashboardService dashboard) {
        return dashboardWork(dashboard, RefreshListener.ignoring());
    }

    /** The dashboard refresh as a job that tells {@code progress} about each key as it is stored. */
    public static JobWork dashboardWork(DashboardService dashboard, RefreshListener progress) {
        return trigger -> {
            RefreshReport report = dashboard.refreshAll(trigger.unattended(), progress);
            String error = report.shortfall();
            if (report.note() != null) {
                error = error == null ? report.note() : error + " " + report.note();
            }
            return new JobOutcome(report.jobStatus(), error);
        };
    }

    /** Retention as a job; a run stopped between batches counts as partial and resumes next time. */
    public static JobWork retentionWork(RetentionJob retention) {
        return trigger -> {
            RetentionReport report = retention.run();
            if (report.stopped()) {
                Thread.currentThread().interrupt();
                return new JobOutcome(JobStatus.PARTIAL, "Retention was stopped part-way; what it removed is kept "
                        + "and the next run goes on from there.");
            }
            return JobOutcome.success();
        };
    }
}
