package dev.keyward.vault.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.projects.ProjectInfo;
import dev.keyward.vault.projects.ProjectLink;
import dev.keyward.vault.secrets.SecretInfo;
import dev.keyward.vault.session.VaultSession;
import dev.keyward.vault.testing.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM with SIGKILL while it commits transactions to a vault, then checks that the
 * vault passes {@code PRAGMA integrity_check} and holds every transaction the child reported as
 * committed, the one after it entirely or not at all, and nothing later.
 *
 * <p>50 rounds by default; {@code -Dkeyward.crash.rounds=N} (the {@code long-tests} and
 * {@code crash-long} Maven profiles set 10,000) for a long run, {@code -Dkeyward.crash.seed} to
 * replay one. The rounds are shared between {@value #LANES} lanes, each with a vault of its own and
 * one child at a time: a round mostly waits for its child JVM to start and for the chosen moment, so
 * two lanes take about half as long on two cores, and every round is checked as before.
 */
class CrashSafetyTest {

    private static final int ROUNDS = Integer.getInteger("keyward.crash.rounds", 50);
    /** Long runs start again from the fresh vault now and then, so the vault stays a realistic size. */
    private static final int RESET_EVERY = 250;
    private static final long CHILD_START_SECONDS = 120;
    /** Independent sequences of rounds, each on its own vault; lane L runs rounds L, L + LANES, ... */
    private static final int LANES = 2;

    @TempDir
    Path work;

    @Test
    void everyReportedCommitSurvivesSigkillAndTheVaultStaysIntact() throws Exception {
        long seed = Long.getLong("keyward.crash.seed", System.nanoTime());
        Map<String, Integer> outcomes = new java.util.TreeMap<>();
        ExecutorService lanes = Executors.newFixedThreadPool(LANES);
        List<Future<Map<String, Integer>>> results = new ArrayList<>();
        for (int lane = 0; lane < LANES; lane++) {
            int l = lane;
            results.add(lanes.submit(() -> runLane(l, seed)));
        }
        lanes.shutdown();
        // Every lane ends by itself (a failing one kills its child first), so none is interrupted mid-round.
        Throwable failure = null;
        for (Future<Map<String, Integer>> result : results) {
            try {
                result.get().forEach((outcome, count) -> outcomes.merge(outcome, count, Integer::sum));
            } catch (ExecutionException e) {
                failure = failure == null ? e.getCause() : failure;
            }
        }
        if (failure instanceof Error error) {
            throw error;
        } else if (failure != null) {
            throw new AssertionError(failure);
        }
        System.out.println("CrashSafetyTest: " + ROUNDS + " rounds, seed " + seed + ", outcomes " + outcomes);
        assertEquals(ROUNDS, outcomes.values().stream().mapToInt(Integer::intValue).sum());
    }

    /** One lane's rounds on its own vault; how each round ended. */
    private Map<String, Integer> runLane(int lane, long seed) throws Exception {
        Random random = new Random(seed + lane);
        Path folder = Files.createDirectories(work.resolve("lane-" + lane));
        TestProfile profile = TestProfile.create(folder.resolve("data"), "crash");
        byte[] key = profile.unwrapKey();
        Path vault = profile.summary().location().vaultFile();
        Path fresh = folder.resolve("fresh-vault.db");
        Files.copy(vault, fresh);
        List<String> jvmOptions = CrashWriterProcess.jvmOptions(folder);
        Map<String, String> env = new HashMap<>(Map.of(
                CrashWriterMain.DATA, folder.resolve("data").toString(),
                CrashWriterMain.PROFILE, profile.summary().id(),
                CrashWriterMain.KEY, HexFormat.of().formatHex(key)));
        Map<String, Integer> outcomes = new java.util.TreeMap<>();
        try {
            int done = 0;
            for (int round = lane; round < ROUNDS; round += LANES) {
                if (done > 0 && done % RESET_EVERY == 0) {
                    Files.deleteIfExists(profile.summary().location().walFile());
                    Files.deleteIfExists(profile.summary().location().shmFile());
                    Files.copy(fresh, vault, StandardCopyOption.REPLACE_EXISTING);
                }
                env.put(CrashWriterMain.ROUND, Integer.toString(round));
                String context = "round " + round + " of " + ROUNDS + " (lane " + lane + ", seed " + seed + ")";
                int reported = runAndKill(env, jvmOptions, random, folder.resolve("child-stderr.txt"), context);
                String outcome = checkVault(profile, key, new CrashRoundPlan(round), reported, context);
                outcomes.merge(outcome, 1, Integer::sum);
                done++;
            }
        } finally {
            Wipe.bytes(key);
        }
        return outcomes;
    }

    /** Starts a child, kills it at a random moment; the last transaction it reported (-1: none). */
    private static int runAndKill(Map<String, String> env, List<String> jvmOptions, Random random, Path stderr,
            String context) throws IOException, InterruptedException {
        CrashWriterProcess child = CrashWriterProcess.start(jvmOptions, env, stderr);
        int mode = random.nextInt(10);
        if (mode == 0) {
            // While the JVM starts or the vault opens (WAL recovery, schema check).
            Thread.sleep(random.nextInt(900));
        } else {
            if (!child.awaitLine("ready", CHILD_START_SECONDS)) {
                child.killAndCollect();
                fail(context + ": the child did not open the vault; its stderr:\n" + child.stderr());
            }
            if (mode <= 5) {
                Thread.sleep(random.nextInt(500));
            } else {
                int commits = random.nextInt(15);
                if (!child.awaitLine("committed " + commits, CHILD_START_SECONDS)) {
                    child.killAndCollect();
                    fail(context + ": the child stopped before commit " + commits + "; its stderr:\n" + child.stderr());
                }
                long spin = System.nanoTime() + random.nextInt(3_000_000);
                while (System.nanoTime() < spin) {
                    Thread.onSpinWait();
                }
            }
        }
        boolean stillRunning = child.isAlive();
        List<String> lines = child.killAndCollect();
        if (!stillRunning && child.exitValue() != 137) {
            fail(context + ": the child ended by itself (exit " + child.exitValue() + "); its stderr:\n" + child.stderr());
        }
        int reported = -1;
        for (String line : lines) {
            if (line.startsWith("committed ")) {
                int n = Integer.parseInt(line.substring("committed ".length()));
                assertEquals(reported + 1, n, context + ": commits are reported in order");
                reported = n;
            }
        }
        return reported;
    }

    /**
     * Opens the vault after the kill and checks it; returns how the round ended ("reported N", plus
     * "+1 unreported" when the next transaction committed but the child died before saying so).
     */
    private static String checkVault(TestProfile profile, byte[] key, CrashRoundPlan plan, int reported, String context) {
        try (VaultSession session = profile.open(key)) {
            List<String> integrity = session.database().read(c -> {
                List<String> rows = new ArrayList<>();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
                return rows;
            });
            assertEquals(List.of("ok"), integrity, context + ": integrity_check");

            RoundState state = RoundState.read(session, plan);
            for (int n = 0; n <= reported; n++) {
                assertEquals(Presence.ALL, state.presence(n), context + ": transaction " + n + " was reported committed; " + state.describe(n));
            }
            Presence next = state.presence(reported + 1);
            assertTrue(next != Presence.PARTIAL, context + ": transaction " + (reported + 1) + " is half there; " + state.describe(reported + 1));
            assertEquals(Presence.NONE, state.presence(reported + 2), context + ": transaction " + (reported + 2)
                    + " cannot have committed before " + (reported + 1) + " was reported; " + state.describe(reported + 2));
            return "reported " + Math.min(reported, 15) + (reported >= 15 ? "+" : "") + (next == Presence.ALL ? " +1 unreported" : "");
        }
    }

    /** How much of one transaction is in the vault. */
    private enum Presence { ALL, NONE, PARTIAL }

    /** The round's data as found in the vault, read once. */
    private record RoundState(CrashRoundPlan plan, boolean projectExists, Map<String, SecretInfo> secrets,
                              Map<String, String> currentValues, Set<String> allValues, Map<String, String> links) {

        static RoundState read(VaultSession session, CrashRoundPlan plan) {
            boolean project = session.projects().list().stream().map(ProjectInfo::name).anyMatch(plan.project()::equals);
            Map<String, SecretInfo> secrets = session.secrets().list().stream()
                    .filter(s -> s.name().startsWith(plan.project()))
                    .collect(Collectors.toMap(SecretInfo::name, s -> s));
            Map<String, String> current = session.database().read(c -> {
                Map<String, String> values = new HashMap<>();
                for (SecretInfo s : secrets.values()) {
                    char[] value = session.secrets().revealQuietly(c, s.id());
                    values.put(s.name(), new String(value));
                    Wipe.chars(value);
                }
                return values;
            });
            Set<String> all = new HashSet<>();
            for (char[] value : session.secrets().allValuesForRedaction()) {
                all.add(new String(value));
                Wipe.chars(value);
            }
            Map<String, String> links = project
                    ? session.projects().links(plan.project()).stream().collect(Collectors.toMap(ProjectLink::envVar, ProjectLink::secretName))
                    : Map.of();
            return new RoundState(plan, project, secrets, current, all, links);
        }

        Presence presence(int n) {
            List<Boolean> parts = parts(n);
            return parts.stream().allMatch(b -> b) ? Presence.ALL : parts.stream().noneMatch(b -> b) ? Presence.NONE : Presence.PARTIAL;
        }

        /** One flag per row the transaction writes (a value that is there but wrong fails at once). */
        private List<Boolean> parts(int n) {
            List<Boolean> parts = new ArrayList<>();
            if (n == 0) {
                parts.add(projectExists);
                return parts;
            }
            for (String name : plan.newSecrets(n)) {
                SecretInfo secret = secrets.get(name);
                if (secret != null && !plan.value(n, name).equals(currentValues.get(name))) {
                    throw new AssertionError(name + " holds a value other than the one written");
                }
                parts.add(secret != null);
            }
            for (String variable : plan.importedVariables(n)) {
                parts.add((plan.project() + "/" + variable).equals(links.get(variable)));
            }
            SecretInfo rotated = secrets.get(plan.rotatedSecret());
            parts.add(rotated != null && rotated.version() >= n);
            parts.add(allValues.contains(plan.rotatedValue(n)));
            if (rotated != null && !plan.rotatedValue(rotated.version()).equals(currentValues.get(plan.rotatedSecret()))) {
                throw new AssertionError(plan.rotatedSecret() + " version " + rotated.version() + " holds another value");
            }
            return parts;
        }

        String describe(int n) {
            return "rows " + parts(n) + ", project " + projectExists + ", round secrets " + secrets.keySet()
                    + ", links " + links.keySet();
        }
    }
}
