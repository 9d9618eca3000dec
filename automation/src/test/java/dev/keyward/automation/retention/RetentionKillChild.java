package dev.keyward.automation.retention;

import dev.keyward.automation.testing.SettableClock;
import dev.keyward.automation.testing.TestVault;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The child JVM of {@link RetentionKillTest}: opens the test profile in the folder given as its first
 * argument, runs retention one snapshot per transaction, and prints how many snapshots are left each time
 * the number changes, so the parent can kill it in the middle of the run.
 */
public final class RetentionKillChild {

    private RetentionKillChild() {
    }

    public static void main(String[] args) throws Exception {
        SettableClock clock = new SettableClock(Instant.parse(args[1]));
        try (TestVault vault = TestVault.open(Path.of(args[0]), clock)) {
            Thread job = Thread.ofPlatform().start(() -> new RetentionJob(vault.session(), clock, 1).run());
            long shown = -1;
            while (job.isAlive()) {
                long left = vault.count("SELECT count(*) FROM dashboard_snapshots");
                if (left != shown) {
                    System.out.println("left " + left);
                    System.out.flush();
                    shown = left;
                }
                Thread.sleep(10);
            }
            System.out.println("finished");
        }
    }
}
