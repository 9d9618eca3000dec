package dev.keyward.vault.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.vault.VaultDamagedException;
import dev.keyward.vault.backup.BackupService;
import dev.keyward.vault.crypto.Argon2Params;
import dev.keyward.vault.crypto.Password;
import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.profile.DataRoot;
import dev.keyward.vault.profile.ProfileSummary;
import dev.keyward.vault.secrets.SecretInfo;
import dev.keyward.vault.session.ProfileService;
import dev.keyward.vault.session.VaultSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flips bytes of a real profile's files and checks that every change is reported as damage: a
 * {@link VaultDamagedException} (the CLI's exit code 5) from unlock, the first read or {@code profile
 * verify}; never a crash, a wrong-password report or another error, and never "repaired" by writing:
 * after each case the files are byte-identical to the tampered input. ({@code dev.keyward.app.cli.
 * TamperedProfileCliTest} runs a few such cases through the CLI itself.)
 *
 * <p>What SQLite does on its own with a bad frame in a write-ahead log left by a crash: it takes the
 * log as ending just before that frame, so the frame's transaction and every later one vanish without
 * an error. {@code WalAuthenticator} therefore checks the log before SQLite opens it; the WAL cases
 * below would fail without it.
 *
 * <p>The normal build samples offsets with a fixed seed; {@code -Pfuzz} ({@code keyward.tamper.sweep=full})
 * flips every page at eight offsets with two masks, every header byte with six masks, every byte of the
 * WAL's header and frame headers and eight of each frame's page, and every 61st byte of the backup.
 */
@Tag("tamper")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TamperSweepTest {

    private static final boolean FULL = "full".equals(System.getProperty("keyward.tamper.sweep"));
    private static final int PAGE = 4096;
    /** Salt, cell area, the last content byte, the IV and HMAC in the reserved tail, the last byte. */
    private static final int[] PAGE_OFFSETS = {0, 16, 100, 2048, 4015, 4016, 4032, 4095};
    private static final byte[] MASKS = {0x01, (byte) 0x80, (byte) 0xff};
    /** Low single bits too: they turn a base64 character into one that may decode to the same bytes. */
    private static final byte[] HEADER_MASKS = {0x01, 0x02, 0x04, 0x08, (byte) 0x80, (byte) 0xff};
    private static final String SECRET_PREFIX = "tamper-canary-";

    @TempDir
    static Path dir;

    private final Random random = new Random(0x5eed);
    private String profileId;
    private byte[] header;
    /** The unwrapped vault key, so that cases which leave the header alone skip the key derivation. */
    private byte[] pvk;
    private byte[] vault;
    private byte[] crashedVault;
    private byte[] crashedWal;
    private Path backup;

    private static Password password() {
        return Password.copyOf("tamper sweep password".toCharArray());
    }

    private static ProfileService service(Path root) {
        return new ProfileService(new DataRoot(root), Clock.systemUTC(), Argon2Params.FLOOR, "cli");
    }

    @BeforeAll
    void createProfileBackupAndCrashedCopy() throws IOException {
        ProfileService profiles = service(dir.resolve("origin"));
        ProfileSummary profile = profiles.create("sweep", password()).profile();
        profileId = profile.id();
        try (VaultSession session = profiles.unlock(profile, password())) {
            for (int i = 0; i < 8; i++) {
                session.secrets().add("key-" + i, (SECRET_PREFIX + i + "-" + random.nextLong()).toCharArray(), null);
            }
            // A large value removed again leaves free pages, which only verify's page check reads.
            char[] large = new char[40_000];
            Arrays.fill(large, 'x');
            session.secrets().add("large", large, null);
            session.secrets().remove("large");
            backup = dir.resolve("sweep.keyward-backup");
            new BackupService(profiles).create(session, backup);
        }
        header = Files.readAllBytes(profile.location().headerFile());
        pvk = profiles.unwrapKey(profile, password());
        vault = Files.readAllBytes(profile.location().vaultFile());
        // Two transactions left in the WAL, as a kill with the vault open leaves them.
        try (VaultSession session = profiles.unlock(profile, password())) {
            session.secrets().add("late-1", (SECRET_PREFIX + "late-1").toCharArray(), null);
            session.secrets().add("late-2", (SECRET_PREFIX + "late-2").toCharArray(), null);
            crashedVault = Files.readAllBytes(profile.location().vaultFile());
            crashedWal = Files.readAllBytes(profile.location().walFile());
        }
    }

    // ---- the cases ----

    @Test
    void everyFlippedVaultPageIsReportedAsDamage() throws IOException {
        Sweep sweep = new Sweep();
        int pages = vault.length / PAGE;
        assertTrue(pages > 10, "a vault of " + pages + " pages");
        for (int page = 0; page < pages; page++) {
            for (int offset : FULL ? PAGE_OFFSETS : new int[] {PAGE_OFFSETS[random.nextInt(PAGE_OFFSETS.length)]}) {
                for (byte mask : FULL ? Arrays.copyOf(MASKS, 2) : new byte[] {MASKS[random.nextInt(2)]}) {
                    byte[] tampered = flip(vault, page * PAGE + offset, mask);
                    sweep.run("page " + (page + 1) + " offset " + offset, Map.of("vault.db", tampered, "profile.json", header));
                }
            }
        }
        sweep.assertEveryCaseWasDamage();
    }

    @Test
    void everyFlippedHeaderByteIsReportedAsDamage() throws IOException {
        Sweep sweep = new Sweep();
        for (int offset = 0; offset < header.length; offset++) {
            if (!FULL && random.nextInt(12) != 0) {
                continue;
            }
            for (byte mask : HEADER_MASKS) {
                sweep.run("header byte " + offset + " ^ " + (mask & 0xff),
                        Map.of("vault.db", vault, "profile.json", flip(header, offset, mask)));
            }
        }
        sweep.assertEveryCaseWasDamage();
    }

    @Test
    void everyFlippedByteOfAWalLeftByACrashIsReportedAsDamage() throws IOException {
        Sweep sweep = new Sweep();
        int frameBytes = 24 + PAGE;
        int frames = (crashedWal.length - 32) / frameBytes;
        assertTrue(frames >= 2, "the crash left " + frames + " frames in the WAL");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            offsets.add(i);
        }
        for (int frame = 0; frame < frames; frame++) {
            int start = 32 + frame * frameBytes;
            for (int i = 0; i < 24; i++) {
                offsets.add(start + i);
            }
            for (int offset : PAGE_OFFSETS) {
                offsets.add(start + 24 + offset);
            }
        }
        if (!FULL) {
            offsets = sample(offsets, 30);
        }
        for (int offset : offsets) {
            sweep.run("WAL byte " + offset, Map.of("vault.db", crashedVault, "vault.db-wal",
                    flip(crashedWal, offset, MASKS[offset % MASKS.length]), "profile.json", header));
        }
        sweep.assertEveryCaseWasDamage();
    }

    @Test
    void everyFlippedBackupByteFailsTheRestoreAndLeavesTheProfileAlone() throws IOException {
        byte[] original = Files.readAllBytes(backup);
        List<Integer> offsets = new ArrayList<>();
        int headerEnd = 17 + 4 + header.length + 8; // magic line, header length, header, vault length
        for (int offset = 0; offset < original.length; offset += offset < headerEnd ? 1 : 61) {
            offsets.add(offset);
        }
        offsets.add(original.length - 1);
        if (!FULL) {
            offsets = sample(offsets, 30);
        }
        ProfileService profiles = service(dir.resolve("restore-target"));
        Path folder = lay(profiles, Map.of("vault.db", vault, "profile.json", header));
        Map<String, byte[]> before = ProfileFolder.snapshot(folder);
        Path tampered = dir.resolve("tampered.keyward-backup");
        List<String> failures = new ArrayList<>();
        for (int offset : offsets) {
            Files.write(tampered, flip(original, offset, MASKS[offset % MASKS.length]));
            String name = "backup byte " + offset;
            try {
                new BackupService(profiles).restore(tampered, password());
                failures.add(name + ": restored");
            } catch (VaultDamagedException damaged) {
                if (damaged.exitCode() != 5) {
                    failures.add(name + ": exit code " + damaged.exitCode());
                }
            } catch (RuntimeException other) {
                failures.add(name + ": " + other.getClass().getSimpleName() + ": " + other.getMessage());
            }
            if (!ProfileFolder.sameFiles(before, ProfileFolder.snapshot(folder))) {
                failures.add(name + ": the existing profile changed");
                before = ProfileFolder.snapshot(lay(profiles, Map.of("vault.db", vault, "profile.json", header)));
            }
        }
        assertEquals(List.of(), failures, offsets.size() + " backup cases");
        // The untouched backup restores: the sweep above fails for the flips, not for the file.
        new BackupService(service(dir.resolve("restore-intact"))).restore(backup, password());
    }

    @Test
    void theUntamperedFilesOpenWithEverySecret() throws IOException {
        assertEquals(List.of("key-0", "key-1", "key-2", "key-3", "key-4", "key-5", "key-6", "key-7"),
                secretNames(Map.of("vault.db", vault, "profile.json", header)));
        assertEquals(10, secretNames(Map.of("vault.db", crashedVault, "vault.db-wal", crashedWal,
                "profile.json", header)).size(), "the crash lost no committed transaction");
        ProfileService profiles = service(dir.resolve("intact"));
        lay(profiles, Map.of("vault.db", vault, "profile.json", header));
        assertTrue(profiles.verify(profiles.resolve(profileId), password()).ok());
    }

    // ---- running one case ----

    /** Runs cases and collects the ones that were not reported as damage, or that changed a file. */
    private final class Sweep {
        private final List<String> failures = new ArrayList<>();
        private final Map<String, Integer> detectedBy = new TreeMap<>();
        private final ProfileService profiles = service(dir.resolve("case"));
        private int cases;

        void run(String name, Map<String, byte[]> files) throws IOException {
            cases++;
            Path folder = lay(profiles, files);
            try {
                String how = detect(profiles, Arrays.equals(files.get("profile.json"), header));
                if (how == null) {
                    failures.add(name + ": not detected");
                } else {
                    detectedBy.merge(how, 1, Integer::sum);
                }
            } catch (RuntimeException other) {
                failures.add(name + ": " + other.getClass().getSimpleName() + ": " + other.getMessage());
            }
            Map<String, byte[]> after = ProfileFolder.snapshot(folder);
            after.entrySet().removeIf(e -> e.getKey().endsWith("-shm") || (e.getKey().endsWith("-wal")
                    && !files.containsKey(e.getKey()) && e.getValue().length == 0));
            if (!ProfileFolder.sameFiles(files, after)) {
                failures.add(name + ": files were written to");
            }
        }

        void assertEveryCaseWasDamage() {
            System.out.println(getClass().getSimpleName() + ": " + cases + " cases, detected by " + detectedBy);
            assertEquals(List.of(), failures, cases + " cases");
        }
    }

    /**
     * Where the damage was reported: "unlock or first read", or "verify" (what {@code keyward profile
     * verify} runs: the report's {@code requireIntact()}, as the CLI calls it). Either way as a
     * {@link VaultDamagedException}, which the CLI maps to exit code 5; null when nothing reported it.
     * A wrong password or any other error escapes as an exception and fails the case. With the header
     * intact, unlocking with the password would only repeat the key derivation, so the key is reused.
     */
    private String detect(ProfileService profiles, boolean headerIntact) {
        ProfileSummary profile = profiles.resolve(profileId);
        try {
            try (VaultSession session = headerIntact ? profiles.open(profile, pvk.clone())
                    : profiles.unlock(profile, password())) {
                session.secrets().list();
                session.secrets().allValuesForRedaction().forEach(Wipe::chars);
            }
        } catch (VaultDamagedException damaged) {
            assertEquals(5, damaged.exitCode());
            return "unlock or first read";
        }
        try {
            profiles.verify(profile, password()).requireIntact();
            return null;
        } catch (VaultDamagedException damaged) {
            assertEquals(5, damaged.exitCode());
            return "verify";
        }
    }

    private List<String> secretNames(Map<String, byte[]> files) throws IOException {
        ProfileService profiles = service(dir.resolve("names-" + files.size()));
        lay(profiles, files);
        try (VaultSession session = profiles.unlock(profiles.resolve(profileId), password())) {
            return session.secrets().list().stream().map(SecretInfo::name).sorted().toList();
        }
    }

    /** Replaces the case profile's folder content with exactly {@code files}. */
    private Path lay(ProfileService profiles, Map<String, byte[]> files) throws IOException {
        return ProfileFolder.lay(profiles.root().profileFolder(profileId), files);
    }

    private static byte[] flip(byte[] original, int offset, byte mask) {
        byte[] copy = original.clone();
        copy[offset] ^= mask;
        return copy;
    }

    /** {@code count} offsets spread over the list: its first and last, and a seeded choice between. */
    private List<Integer> sample(List<Integer> all, int count) {
        List<Integer> chosen = new ArrayList<>(List.of(all.getFirst(), all.getLast()));
        while (chosen.size() < Math.min(count, all.size())) {
            Integer next = all.get(random.nextInt(all.size()));
            if (!chosen.contains(next)) {
                chosen.add(next);
            }
        }
        return chosen;
    }
}
