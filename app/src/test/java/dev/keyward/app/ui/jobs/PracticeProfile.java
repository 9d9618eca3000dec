package dev.keyward.app.ui.jobs;

import dev.keyward.automation.practice.PracticeCloud;
import dev.keyward.vault.jobs.JobName;
import dev.keyward.vault.jobs.JobState;
import dev.keyward.vault.provider.ProviderInfo;
import dev.keyward.vault.provider.ProviderUpdate;
import dev.keyward.vault.session.VaultSession;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A real profile whose practice-cloud provider points at a Practice Cloud on loopback. */
public final class PracticeProfile {

    /** A key value that must never reach a notification, a title or a banner. */
    public static final String CANARY = "pc_live_CANARYjobs0123456789abcdefghij";

    private PracticeProfile() {
    }

    /**
     * Points practice-cloud's API, status page and changelog at {@code cloud}, with discovery on for it
     * and off for every other provider: tests reach nothing but loopback.
     */
    public static void pointAt(VaultSession session, PracticeCloud cloud) {
        session.enableAutomation();
        for (ProviderInfo p : session.providers().list()) {
            if (!p.slug().equals("practice-cloud")) {
                session.providers().update(p.slug(), new ProviderUpdate(null, null, null, null, false, null));
            }
        }
        String base = cloud.baseUrl();
        session.providers().update("practice-cloud",
                new ProviderUpdate(base, null, base + "/status", base + "/changelog.atom", true, null));
    }

    /** Adds the canary as a practice-cloud key the cloud accepts. */
    public static void addAcceptedCanary(VaultSession session, PracticeCloud cloud) {
        cloud.state().keys().seed("jobs test", CANARY);
        session.secrets().add("pc-main", CANARY.toCharArray(), "practice-cloud");
    }

    public static Optional<JobState> state(VaultSession session, JobName job) {
        return session.jobs().state(job);
    }

    public static int runCount(VaultSession session, JobName job) {
        return state(session, job).map(JobState::runCount).orElse(0);
    }

    /** Waits up to 30 s for {@code condition}, polling; fails with {@code what}. */
    public static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
