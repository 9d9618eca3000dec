package dev.keyward.app.ui.dashboard;

import dev.keyward.automation.jobs.JobResult;
import dev.keyward.vault.jobs.JobStatus;
import java.util.List;

/** The one sentence under the Refresh now button: a run under way, already running, or what a run found. */
final class RefreshSentence {

    static final String RUNNING = "Refreshing every key; the cards update when the run finishes.";
    static final String ALREADY_RUNNING = "A refresh is already running; the cards update when it finishes.";

    private RefreshSentence() {
    }

    /** What a requested run came to, counted on the cards as they are after it. */
    static String outcome(JobResult result, List<KeyCard> cards) {
        if (!result.ran()) {
            return notRun(result);
        }
        if (result.status() == JobStatus.FAILED) {
            return "The refresh failed" + (result.error() == null ? "." : ": " + result.error());
        }
        long attention = cards.stream().filter(card -> card.attention().needsAttention()).count();
        String refreshed = "Refreshed " + cards.size() + (cards.size() == 1 ? " key" : " keys");
        if (attention == 0) {
            return refreshed + "; all look fine.";
        }
        return refreshed + "; " + attention + (attention == 1 ? " needs" : " need") + " attention.";
    }

    /**
     * Why a requested run did not run: the jobs' own sentence (automation off, jobs not started, locked),
     * else a run already under way.
     */
    static String notRun(JobResult result) {
        return result.error() != null ? result.error() : ALREADY_RUNNING;
    }

    /** The sentence for a run that came to its end elsewhere (schedule, tray) while the page was open. */
    static String background(List<KeyCard> cards) {
        long attention = cards.stream().filter(card -> card.attention().needsAttention()).count();
        return "The dashboard was refreshed in the background; " + (attention == 0 ? "all keys look fine."
                : attention + (attention == 1 ? " key needs" : " keys need") + " attention.");
    }
}
