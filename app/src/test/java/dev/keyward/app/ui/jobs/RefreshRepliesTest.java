package dev.keyward.app.ui.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keyward.app.ui.tray.Notification;
import dev.keyward.automation.jobs.JobResult;
import dev.keyward.automation.jobs.JobTrigger;
import dev.keyward.vault.jobs.JobName;
import dev.keyward.vault.jobs.JobStatus;
import org.junit.jupiter.api.Test;

class RefreshRepliesTest {

    @Test
    void aRunCountsTheKeysItChecked() {
        assertEquals(Notification.info("Dashboard refreshed", "1 key checked."), RefreshReplies.of(ran(JobStatus.SUCCESS, null), null, 1));
        assertEquals(Notification.info("Dashboard refreshed with problems", "3 keys checked. One provider timed out."),
                RefreshReplies.of(ran(JobStatus.PARTIAL, "One provider timed out."), null, 3));
    }

    @Test
    void aRunThatFailedBeforeCountingItsKeysGivesNoCount() {
        assertEquals(Notification.info("Dashboard refreshed with problems", "The dashboard job failed unexpectedly."),
                RefreshReplies.of(ran(JobStatus.FAILED, "The dashboard job failed unexpectedly."), null, -1));
    }

    @Test
    void noWatchedKeyAndARefusedRunSayWhy() {
        assertEquals("Nothing to refresh", RefreshReplies.of(ran(JobStatus.SUCCESS, null), null, 0).title());
        JobResult refused = new JobResult(JobName.DASHBOARD_REFRESH, JobTrigger.ON_DEMAND, false, JobStatus.SKIPPED,
                "Automation is off for this profile.", null);
        assertEquals(Notification.info("Nothing to refresh", "Automation is off for this profile."),
                RefreshReplies.of(refused, null, 2));
        JobResult underWay = new JobResult(JobName.DASHBOARD_REFRESH, JobTrigger.ON_DEMAND, false, JobStatus.SKIPPED, null, null);
        assertEquals("Already refreshing", RefreshReplies.of(underWay, null, 2).title());
    }

    private static JobResult ran(JobStatus status, String error) {
        return new JobResult(JobName.DASHBOARD_REFRESH, JobTrigger.ON_DEMAND, true, status, error, null);
    }
}
