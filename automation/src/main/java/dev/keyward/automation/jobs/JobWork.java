package dev.keyward.automation.jobs;

/** The body of a background job; it reports failures as an outcome or by throwing. */
@FunctionalInterface
public interface JobWork {

    /**
     * Runs the job once.
     *
     * @throws InterruptedException when the scheduler is closing (lock and stop)
     * @throws Exception            any other failure; recorded as a failed run with a sentence, never a stack trace
     */
    JobOutcome run(JobTrigger trigger) throws Exception;

    /** A plain runnable as a job: success unless it throws. */
    static JobWork of(Runnable runnable) {
        return trigger -> {
            runnable.run();
            return JobOutcome.success();
        };
    }
}
