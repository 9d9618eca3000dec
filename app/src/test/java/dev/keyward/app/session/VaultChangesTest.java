package dev.keyward.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.ui.DesktopTestKit;
import dev.keyward.vault.profile.ProfileSummary;
import dev.keyward.vault.session.ProfileService;
import dev.keyward.vault.session.VaultSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session's change watch against a real SQLCipher vault: another connection's commits are seen, its own
 * connection's are not (they are reported through {@code changedHere}), and a burst is told once.
 */
class VaultChangesTest {

    @TempDir
    Path dataDir;
    private VaultSession session;
    /** Another unlock of the same profile: its own database connections, as another process would have. */
    private VaultSession elsewhere;

    @BeforeEach
    void unlockTwice() {
        ProfileService profiles = DesktopTestKit.profiles(dataDir);
        ProfileSummary profile = DesktopTestKit.createProfile(profiles, "work");
        session = DesktopTestKit.open(profiles, profile);
        elsewhere = DesktopTestKit.open(profiles, profile);
    }

    @AfterEach
    void lock() {
        elsewhere.close();
        session.close();
    }

    @Test
    void aBurstOfCommitsByAnotherConnectionIsOneChange() {
        VaultChanges changes = VaultChanges.of(session.database());
        assertFalse(changes.look(), "the first look only learns the version");

        for (int i = 0; i < 5; i++) {
            elsewhere.secrets().add("KEY_" + i, ("value-" + i).toCharArray(), null);
        }

        assertTrue(changes.look(), "five commits elsewhere are seen");
        assertFalse(changes.look(), "and told once: nothing changed since the last look");
    }

    @Test
    void thisSessionsOwnWritesAreSeenOnlyThroughChangedHereOncePerBurst() {
        VaultChanges changes = VaultChanges.of(session.database());
        changes.look();

        session.secrets().add("OWN", "own-value".toCharArray(), null);
        assertFalse(changes.look(), "the session's own connection does not move its data version");

        session.secrets().add("OWN_2", "own-value-2".toCharArray(), null);
        changes.changedHere();
        changes.changedHere();
        changes.changedHere();
        assertTrue(changes.look(), "reported by the writer");
        assertFalse(changes.look(), "three reports of one burst are one change");
    }

    @Test
    void theWatchSeesAnotherConnectionsCommitByItselfAndEndsWithItsLastListener() throws Exception {
        VaultChanges changes = VaultChanges.of(session.database());
        AtomicInteger told = new AtomicInteger();
        VaultChanges.Listening listening = changes.listen(told::incrementAndGet);
        assertTrue(changes.isWatching());
        Thread watcher = watcherThread();

        elsewhere.secrets().add("FROM_ELSEWHERE", "elsewhere-value".toCharArray(), null);
        waitUntil(() -> told.get() >= 1);

        changes.changedHere();
        int before = told.get();
        waitUntil(() -> told.get() > before);

        listening.close();
        watcher.join(TimeUnit.SECONDS.toMillis(20));
        assertFalse(watcher.isAlive(), "the watch still runs with nobody listening");
        assertFalse(changes.isWatching());
    }

    @Test
    void closingEndsTheWatchAndRefusesNewListeners() throws Exception {
        VaultChanges changes = VaultChanges.of(session.database());
        changes.listen(() -> { });
        Thread watcher = watcherThread();

        changes.close();

        assertFalse(watcher.isAlive(), "close waits for the watch to end");
        assertThrows(IllegalStateException.class, () -> changes.listen(() -> { }));
    }

    @Test
    void thePollDoesNotWaitWhileThisProcesssWriterIsBusyAndSeesTheCommitAfterwards() throws Exception {
        VaultChanges changes = VaultChanges.of(session.database());
        changes.look();
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread writer = new Thread(() -> session.database().write(c -> {
            writing.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        writer.start();
        try {
            assertTrue(writing.await(20, TimeUnit.SECONDS));
            elsewhere.secrets().add("FROM_ELSEWHERE", "elsewhere-value".toCharArray(), null);
            // With the writer's lock held, a poll that took it would wait here until the timeout fails the test.
            assertFalse(assertTimeoutPreemptively(Duration.ofSeconds(10), changes::look),
                    "while the writer is busy the version is not read");
        } finally {
            release.countDown();
            writer.join();
        }
        assertTrue(changes.look(), "the other connection's commit is seen once the writer is idle");
        assertFalse(changes.look());
    }

    @Test
    void aVaultFileReplacedByAnotherIsToldOnceToItsListeners() throws Exception {
        try (VaultChanges changes = VaultChanges.of(session.database())) {
            seeTheReplacement(changes);
        }
        elsewhere = DesktopTestKit.open(DesktopTestKit.profiles(dataDir), session.profile());
    }

    private void seeTheReplacement(VaultChanges changes) throws Exception {
        AtomicInteger replaced = new AtomicInteger();
        changes.onReplaced(replaced::incrementAndGet);
        assertFalse(session.database().isReplaced());
        elsewhere.close();

        // What a restore does: a new file renamed over the vault (the same bytes here: a new inode).
        Path vault = session.database().file();
        Path staged = vault.resolveSibling("vault.db.restoring");
        Files.copy(vault, staged);
        Files.move(staged, vault, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        assertTrue(session.database().isReplaced());
        waitUntil(() -> replaced.get() == 1);
        assertTrue(changes.wasReplaced());
        Thread.sleep(VaultChanges.POLL.toMillis() * 2);
        assertEquals(1, replaced.get(), "told once");
    }

    private static Thread watcherThread() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("keyward-vault-changes") && t.isAlive())
                .findFirst().orElseThrow(() -> new AssertionError("no watch thread runs"));
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the change was not told within 20 s");
            }
            Thread.sleep(20);
        }
    }
}
