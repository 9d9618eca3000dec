package dev.keyward.vault.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.projects.ProjectInfo;
import dev.keyward.vault.projects.ProjectLink;
import dev.keyward.vault.session.ProfileService;
import dev.keyward.vault.session.VaultSession;
import dev.keyward.vault.testing.TestProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@code .env} import large enough to spill from SQLite's page cache into the write-ahead log,
 * killed with SIGKILL part-way, leaves a log whose tail is one uncommitted transaction (with stale
 * checksums where SQLite rewrote spilled pages in place). SQLite discards that tail; the vault must
 * open, pass {@code profile verify}, and hold every transaction committed before the kill.
 *
 * <p>Kill points are sizes the log has reached; the last round imports 100,000 variables.
 */
class TornLogTailCrashTest {

    private static final long MIB = 1024 * 1024;
    private static final long CHILD_SECONDS = 300;

    /** One kill: the import's size and the log size at which the child dies. */
    private record KillPoint(int keys, long walBytes) {
    }

    private static final List<KillPoint> KILL_POINTS = List.of(
            new KillPoint(30_000, 256 * 1024),
            new KillPoint(30_000, 8 * MIB),
            new KillPoint(100_000, 32 * MIB));

    @TempDir
    Path work;

    @Test
    void aLargeImportKilledPartWayLeavesAVaultThatOpensWithEveryCommittedTransaction() throws Exception {
        TestProfile profile = TestProfile.create(work.resolve("data"), "torn");
        byte[] key = profile.unwrapKey();
        Path wal = profile.summary().location().walFile();
        List<String> jvmOptions = CrashWriterProcess.jvmOptions(work);
        Map<String, String> env = new HashMap<>(Map.of(
                CrashWriterMain.DATA, work.resolve("data").toString(),
                CrashWriterMain.PROFILE, profile.summary().id(),
                CrashWriterMain.KEY, HexFormat.of().formatHex(key)));
        List<String> outcomes = new ArrayList<>();
        try {
            for (int round = 0; round < KILL_POINTS.size(); round++) {
                KillPoint point = KILL_POINTS.get(round);
                env.put(CrashWriterMain.ROUND, Integer.toString(round));
                env.put(ImportWriterMain.KEYS, Integer.toString(point.keys()));
                String context = "round " + round + " (" + point + ")";
                CrashWriterProcess child = CrashWriterProcess.start(ImportWriterMain.class, jvmOptions, env,
                        work.resolve("child-stderr.txt"));
                if (!child.awaitLine("committed small", CHILD_SECONDS)) {
                    child.killAndCollect();
                    fail(context + ": the child did not commit its small import; its stderr:\n" + child.stderr());
                }
                // The log already holds the small import's frames; the kill point counts from there.
                long base = size(wal);
                long deadline = System.nanoTime() + CHILD_SECONDS * 1_000_000_000L;
                while (size(wal) < base + point.walBytes() && child.isAlive()
                        && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                long walAtKill = size(wal);
                List<String> lines = child.killAndCollect();
                boolean largeCommitted = lines.contains("committed large");
                assertTrue(largeCommitted || child.exitValue() == 137,
                        context + ": the child ended by itself; its stderr:\n" + child.stderr());
                outcomes.add(context + ": log " + walAtKill / MIB + " MiB at the kill, large import "
                        + (largeCommitted ? "committed" : "not committed"));
                checkVault(profile, key, Integer.toString(round), point.keys(), largeCommitted, context,
                        round == KILL_POINTS.size() - 1);
                if (round == KILL_POINTS.size() - 1) {
                    assertTrue(!largeCommitted && walAtKill >= base + point.walBytes(),
                            context + ": the 100,000-key import was killed part-way, with a large log");
                }
            }
        } finally {
            Wipe.bytes(key);
        }
        System.out.println("TornLogTailCrashTest: " + outcomes);
    }

    private static void checkVault(TestProfile profile, byte[] key, String round, int largeKeys, boolean largeCommitted,
                                   String context, boolean verify) {
        try (VaultSession session = profile.open(key.clone())) {
            List<String> projects = session.projects().list().stream().map(ProjectInfo::name).toList();
            assertTrue(projects.contains(ImportWriterMain.smallProject(round)), context + ": the small import was committed");
            List<ProjectLink> small = session.projects().links(ImportWriterMain.smallProject(round));
            assertEquals(ImportWriterMain.SMALL, small.size(), context + ": every variable of the small import");
            Map<String, char[]> values = session.projects().environment(ImportWriterMain.smallProject(round),
                    dev.keyward.vault.secrets.SecretService.Purpose.EXPORT);
            for (int i = 0; i < ImportWriterMain.SMALL; i++) {
                assertEquals(ImportWriterMain.value(round, i), new String(values.get("VAR_" + i)), context + ": VAR_" + i);
            }
            values.values().forEach(Wipe::chars);
            int large = projects.contains(ImportWriterMain.largeProject(round))
                    ? session.projects().links(ImportWriterMain.largeProject(round)).size() : 0;
            assertEquals(largeCommitted ? largeKeys : 0, large, context + ": the large import is all there or not at all");
        }
        if (verify) {
            ProfileService.VerifyReport report = profile.service().verify(profile.summary(), profile.password());
            assertEquals(List.of(), report.problems(), context + ": profile verify after the kill");
        }
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (java.io.IOException e) {
            return 0; // removed between the two calls: a checkpoint ended
        }
    }
}
