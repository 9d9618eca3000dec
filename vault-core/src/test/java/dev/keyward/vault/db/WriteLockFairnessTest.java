package dev.keyward.vault.db;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.vault.session.VaultSession;
import dev.keyward.vault.testing.TestProfile;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer that asks while a bulk job commits batch after batch gets the lock after the batch in
 * progress, not after the whole job: the job's next batch queues behind it.
 */
class WriteLockFairnessTest {

    private static final int JOB_BATCHES = 60;

    @TempDir
    Path dir;

    @Test
    void aWaitingWriterGoesBeforeTheNextBatchOfABulkJob() throws Exception {
        try (VaultSession session = TestProfile.create(dir, "fair").unlock()) {
            VaultDatabase db = session.database();
            AtomicInteger batches = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            Thread job = Thread.ofPlatform().start(() -> {
                // Back to back, as retention's batches come: commit, then ask again at once.
                while (!stop.get() && batches.get() < JOB_BATCHES) {
                    db.write(c -> {
                        sleep(10);
                        return batches.incrementAndGet();
                    });
                }
            });
            while (batches.get() < 3 && job.isAlive()) {
                Thread.sleep(1);
            }
            int asked = batches.get();
            int granted = db.write(c -> batches.get());
            stop.set(true);
            job.join();
            assertTrue(granted - asked <= 2, "the writer waited for " + (granted - asked)
                    + " batches of the job; at most the one in progress (and one that had already asked) is fair");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
