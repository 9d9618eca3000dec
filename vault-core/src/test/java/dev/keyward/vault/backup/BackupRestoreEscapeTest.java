package dev.keyward.vault.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.vault.VaultDamagedException;
import dev.keyward.vault.crypto.AesGcm;
import dev.keyward.vault.profile.DataRoot;
import dev.keyward.vault.profile.KeyWrapping;
import dev.keyward.vault.profile.ProfileHeader;
import dev.keyward.vault.profile.ProfileHeaderCodec;
import dev.keyward.vault.profile.ProfileKeys;
import dev.keyward.vault.session.VaultSession;
import dev.keyward.vault.testing.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupRestoreEscapeTest {

    @TempDir
    Path outer;

    /**
     * A backup sealed exactly as {@link BackupService#create} seals one, by someone who knows its
     * password, whose header names {@code profileId}.
     */
    private Path craftedBackup(TestProfile profile, String profileId) throws IOException {
        try (VaultSession session = profile.unlock()) {
            byte[] pvk = session.keys().pvk().clone();
            ProfileHeader real = ProfileHeaderCodec.decode(Files.readAllBytes(session.location().headerFile()), "test");
            ProfileHeader unsealed = new ProfileHeader(real.formatVersion(), profileId, real.profileName(), real.createdAt(),
                    real.kdf(), real.passwordSalt(), new byte[0], real.recoverySalt(), new byte[0]);
            ProfileHeader header = new ProfileHeader(real.formatVersion(), profileId, real.profileName(), real.createdAt(),
                    real.kdf(), real.passwordSalt(),
                    KeyWrapping.wrapForHeader(pvk, profile.password(), unsealed, ProfileHeader.Unlocker.PASSWORD),
                    real.recoverySalt(),
                    KeyWrapping.wrapForHeader(pvk, profile.recoveryCode(), unsealed, ProfileHeader.Unlocker.RECOVERY_CODE));
            byte[] headerJson = ProfileHeaderCodec.encode(header);
            byte[] vault = session.database().encryptedSnapshot();
            byte[] sealed;
            try (ProfileKeys keys = new ProfileKeys(pvk)) {
                sealed = AesGcm.seal(keys.fieldKey(), vault, BackupService.binding(profileId, headerJson));
            }
            Path file = outer.resolve("crafted.kwbackup");
            Files.write(file, new BackupFile(headerJson, sealed).encode());
            return file;
        }
    }

    @Test
    void aBackupWhoseProfileIdClimbsOutOfTheDataFolderIsRefusedAndWritesNothing() throws IOException {
        Path data = outer.resolve("data");
        TestProfile profile = TestProfile.create(data, "work");
        Path backup = craftedBackup(profile, "../../escaped");
        BackupService backups = new BackupService(profile.service());

        VaultDamagedException e = assertThrows(VaultDamagedException.class,
                () -> backups.restore(backup, profile.password()));

        assertTrue(e.getMessage().contains("profile id is not a UUID"), e.getMessage());
        assertFalse(Files.exists(outer.resolve("escaped")), "nothing was written outside the data folder");
        try (Stream<Path> all = Files.walk(outer)) {
            assertEquals(0, all.filter(p -> p.getFileName().toString().startsWith("vault.db.restoring")).count());
        }
    }

    @Test
    void aBackupWhoseProfileIdIsNotAUuidIsRefused() throws IOException {
        Path data = outer.resolve("data");
        TestProfile profile = TestProfile.create(data, "work");
        Path backup = craftedBackup(profile, "not-a-uuid");
        BackupService backups = new BackupService(profile.service());

        assertThrows(VaultDamagedException.class, () -> backups.restore(backup, profile.password()));
        assertFalse(Files.exists(data.resolve("profiles/not-a-uuid")));
    }

    @Test
    void theProfileFolderOfAnIdOutsideUuidFormIsRefusedEverywhere() {
        DataRoot root = new DataRoot(outer);
        for (String id : new String[] {"..", "../x", "a/b", "", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0/..",
                "0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0"}) {
            assertThrows(VaultDamagedException.class, () -> root.profileFolder(id), id);
        }
        assertEquals(outer.resolve("profiles/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"),
                root.profileFolder("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"));
    }

    @Test
    void aBackupIsNotWrittenThroughASymbolicLinkOrIntoAMissingFolder() throws IOException {
        TestProfile profile = TestProfile.create(outer.resolve("data"), "work");
        BackupService backups = new BackupService(profile.service());
        Path elsewhere = Files.writeString(outer.resolve("elsewhere.txt"), "keep me");
        Path link = Files.createSymbolicLink(outer.resolve("link.kwbackup"), elsewhere);
        try (VaultSession session = profile.unlock()) {
            assertThrows(dev.keyward.vault.InvalidInputException.class, () -> backups.create(session, link));
            assertThrows(dev.keyward.vault.InvalidInputException.class,
                    () -> backups.create(session, outer.resolve("missing/b.kwbackup")));
        }
        assertEquals("keep me", Files.readString(elsewhere));
        assertTrue(Files.isSymbolicLink(link));
        assertFalse(Files.exists(outer.resolve("missing")));
    }
}
