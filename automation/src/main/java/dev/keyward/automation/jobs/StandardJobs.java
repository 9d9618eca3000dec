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
import dev.keyward.vault.jobs.JobStatus;

/**
 * The work of Keyward's own jobs: the dashboard refresh, discovery and retention. {@link JobCatalog}
 * lists them with their schedules and unlock rules; schedulers and commands take them from there.
 */
public final class StandardJobs {

    private StandardJobs() {
    }

    /**
     * Discovery as a job (the run is begun and recorded by whoever runs the job, so the service is called directly).
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
