package dev.keyward.app.ui.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.ui.jobs.SessionJobs;
import dev.keyward.automation.jobs.JobResult;
import dev.keyward.automation.jobs.JobTrigger;
import dev.keyward.vault.jobs.JobName;
import dev.keyward.vault.jobs.JobStatus;
import org.junit.jupiter.api.Test;

class CheckNowSentenceTest {

    @Test
    void aRunSkippedBecauseOneIsUnderWaySaysSo() {
        JobResult skipped = new JobResult(JobName.DISCOVERY, JobTrigger.ON_DEMAND, false, JobStatus.SKIPPED, null, null);
        assertTrue(CheckNowControl.describe(skipped).startsWith("A discovery run is already under way"));
    }

    @Test
    void aRunRefusedForAnotherReasonSaysThatReason() {
        JobResult refused = SessionJobs.none().runNow(JobName.DISCOVERY).join();
        assertEquals(refused.error(), CheckNowControl.describe(refused));
        assertTrue(refused.error().startsWith("Background jobs are not running"), refused.error());
    }

    @Test
    void aFinishedCheckSaysWhenTheNextScheduledCheckIs() {
        java.time.Instant tomorrow = java.time.ZonedDateTime.now(java.time.ZoneId.systemDefault()).plusDays(1)
                .withHour(9).withMinute(0).withSecond(0).withNano(0).toInstant();
        JobResult done = new JobResult(JobName.DISCOVERY, JobTrigger.ON_DEMAND, true, JobStatus.SUCCESS, null, tomorrow);

        String sentence = CheckNowControl.describe(done);

        assertTrue(sentence.startsWith("Discovery checked your providers at "), sentence);
        assertTrue(sentence.endsWith(" The next scheduled check is on "
                + java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM", java.util.Locale.ENGLISH)
                .format(tomorrow.atZone(java.time.ZoneId.systemDefault())) + " at 09:00."), sentence);
    }
}
