package dev.keyward.app.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keyward.automation.jobs.JobResult;
import dev.keyward.automation.jobs.JobTrigger;
import dev.keyward.vault.jobs.JobName;
import dev.keyward.vault.jobs.JobStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefreshSentenceTest {

    private static JobResult ran(JobStatus status, String error) {
        return new JobResult(JobName.DASHBOARD_REFRESH, JobTrigger.ON_DEMAND, true, status, error, null);
    }

    @Test
    void aFinishedRunCountsKeysAndThoseThatNeedAttention() {
        List<KeyCard> cards = List.of(
                Cards.card(Cards.collected("a", "Acme", "success", "valid", List.of())),
                Cards.card(Cards.collected("b", "Acme", "failed", "invalid", List.of())),
                Cards.card(Cards.collected("c", "Acme", "partial", "valid", List.of())));
        assertEquals("Refreshed 3 keys; 2 need attention.", RefreshSentence.outcome(ran(JobStatus.PARTIAL, "1 of 3 failed"), cards));
        assertEquals("Refreshed 1 key; all look fine.", RefreshSentence.outcome(ran(JobStatus.SUCCESS, null), cards.subList(0, 1)));
        assertEquals("Refreshed 2 keys; 1 needs attention.", RefreshSentence.outcome(ran(JobStatus.PARTIAL, null), cards.subList(0, 2)));
    }

    @Test
    void aSkippedRunSaysOneIsAlreadyRunning() {
        JobResult skipped = new JobResult(JobName.DASHBOARD_REFRESH, JobTrigger.ON_DEMAND, false, JobStatus.SKIPPED, null, null);
        assertEquals(RefreshSentence.ALREADY_RUNNING, RefreshSentence.outcome(skipped, List.of()));
    }

    @Test
    void aRunRefusedForAnotherReasonSaysThatReasonNotAlreadyRunning() {
        String why = "The dashboard is not set up for this profile; enable automation first.";
        JobResult refused = new JobResult(JobName.DASHBOARD_REFRESH, JobTrigger.ON_DEMAND, false, JobStatus.SKIPPED, why, null);
        assertEquals(why, RefreshSentence.notRun(refused));
        assertEquals(why, RefreshSentence.outcome(refused, List.of()));
    }

    @Test
    void aFailedRunGivesItsSentence() {
        assertEquals("The refresh failed: 2 of 2 keys failed.", RefreshSentence.outcome(ran(JobStatus.FAILED, "2 of 2 keys failed."), List.of()));
    }
}
