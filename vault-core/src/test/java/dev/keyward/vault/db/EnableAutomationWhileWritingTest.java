package dev.keyward.vault.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.vault.session.VaultSession;
import dev.keyward.vault.testing.TestProfile;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enabling automation while a background job writes (retention runs at every unlock) must not
 * meet {@code SQLITE_BUSY}: Flyway migrates on its own connections, so it has to wait for the
 * session's writers like any other write.
 */
class EnableAutomationWhileWritingTest {

    @RepeatedTest(3)
    void enablingAutomationWaitsForTheSessionsWritersInsteadOfFailing(@TempDir Path data) throws Exception {
        TestProfile profile = TestProfile.create(data, "busy");
        try (VaultSession s = profile.unlock()) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger writes = new AtomicInteger();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                while (!stop.get()) {
                    // Read, then write, in one transaction: the shape of a job's batch.
                    s.database().write(c -> {
                        try (var st = c.createStatement()) {
                            st.executeQuery("SELECT count(*) FROM audit_log").close();
                            st.executeUpdate("CREATE TABLE IF NOT EXISTS scratch(n INTEGER)");
                            st.executeUpdate("INSERT INTO scratch VALUES (1)");
                        }
                        return null;
                    });
                    writes.incrementAndGet();
                }
            });
            try {
                while (writes.get() < 5) {
                    Thread.onSpinWait();
                }
                s.enableAutomation();
            } finally {
                stop.set(true);
                writer.get(30, TimeUnit.SECONDS);
            }
            assertTrue(s.automationEnabled());
            assertEquals(Boolean.TRUE, s.database().read(SchemaMigrations::automationApplied));
        }
    }
}
