package dev.keyward.vault.backup;

import dev.keyward.vault.OperationFailedException;
import dev.keyward.vault.VaultDamagedException;
import dev.keyward.vault.crypto.AesGcm;
import dev.keyward.vault.crypto.Password;
import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.db.VaultDatabase;
import dev.keyward.vault.io.AtomicFiles;
import dev.keyward.vault.io.UserFiles;
import dev.keyward.vault.profile.DataRoot;
import dev.keyward.vault.profile.KeyWrapping;
import dev.keyward.vault.profile.ProfileHeader;
import dev.keyward.vault.profile.ProfileHeaderCodec;
import dev.keyward.vault.profile.ProfileKeys;
import dev.keyward.vault.profile.ProfileLocation;
import dev.keyward.vault.profile.ProfileSummary;
import dev.keyward.vault.session.ProfileService;
import dev.keyward.vault.session.VaultSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;

/**
 * One-file encrypted backups of a profile (header and vault), written atomically; a restore is
 * decrypted and checked in full before it replaces anything, and the replaced vault is kept.
 */
public final class BackupService {

    private final ProfileService profiles;

    public BackupService(ProfileService profiles) {
        this.profiles = profiles;
    }

    /** Writes a backup of the unlocked profile to {@code target} (owner-only, atomic). */
    public long create(VaultSession session, Path target) {
        UserFiles.checkWritable(target);
        byte[] header = ProfileHeaderCodec.readRaw(session.location().headerFile(),
                "(" + session.location().headerFile() + ")");
        byte[] vault = session.database().encryptedSnapshot();
        byte[] sealed = AesGcm.seal(session.keys().fieldKey(), vault, binding(session.profileId(), header));
        byte[] file = new BackupFile(header, sealed).encode();
        try {
            UserFiles.write(target, file);
        } catch (IOException e) {
            throw new OperationFailedException("Could not write the backup to " + target
                    + ". Check the folder exists and is writable; nothing was written.", e);
        }
        session.database().write(c -> {
            session.audit().record(c, "backup", "create", "profile", session.profileId(),
                    Map.of("file", target.getFileName().toString(), "bytes", file.length));
            return null;
        });
        return file.length;
    }

    /** What a restore did. */
    public record Restored(ProfileSummary profile, Path previousVaultKeptAt) {
    }

    /**
     * Restores the profile in {@code file} with the password that was current when the backup
     * was made. A wrong password, a damaged backup or a backup whose vault fails its integrity
     * check change nothing.
     */
    public Restored restore(Path file, Password password) {
        BackupFile backup;
        long size = UserFiles.requireRegularFile(file).size();
        // Opened as the regular file just checked (no FIFO or link swapped in), and read through that channel.
        try (InputStream in = java.nio.channels.Channels.newInputStream(UserFiles.openRegular(file, Long.MAX_VALUE))) {
            backup = BackupFile.decode(in, file.getFileName().toString(), size);
        } catch (NoSuchFileException e) {
            throw new dev.keyward.vault.NotFoundException("There is no backup file " + file + ".");
        } catch (IOException e) {
            throw new OperationFailedException("Could not read the backup " + file + ".", e);
        }
        ProfileHeader header = ProfileHeaderCodec.decode(backup.headerJson(), "inside the backup " + file.getFileName());
        if (!DataRoot.isProfileId(header.profileId())) {
            // The id becomes a folder name: "../x" would write the profile outside the data folder.
            throw BackupFile.damaged(file.getFileName().toString(), "its profile id is not a UUID");
        }
        ProfileLocation location = new ProfileLocation(profiles.root().profileFolder(header.profileId()));
        byte[] vault;
        try (ProfileKeys keys = new ProfileKeys(KeyWrapping.unwrap(header, password, ProfileHeader.Unlocker.PASSWORD))) {
            try {
                vault = AesGcm.open(keys.fieldKey(), backup.sealedVault(), binding(header.profileId(), backup.headerJson()));
            } catch (AesGcm.TagMismatchException e) {
                throw BackupFile.damaged(file.getFileName().toString(), "its encrypted vault failed its integrity check");
            }
            try {
                Files.createDirectories(location.folder());
                AtomicFiles.restrictFolderToOwner(location.folder());
                Path staged = location.folder().resolve("vault.db.restoring");
                deleteWithSidecars(staged);
                AtomicFiles.write(staged, vault);
                checkIntegrity(staged, keys);
                Path kept = keepCurrentVault(location);
                Files.deleteIfExists(location.walFile());
                Files.deleteIfExists(location.shmFile());
                AtomicFiles.replace(staged, location.vaultFile());
                AtomicFiles.write(location.headerFile(), backup.headerJson());
                ProfileSummary summary = new ProfileSummary(header.profileId(), header.profileName(), header.createdAt(),
                        location, null);
                return new Restored(summary, kept);
            } catch (IOException e) {
                throw new OperationFailedException("Could not write the restored profile into " + location.folder()
                        + "; the previous files were left in place.", e);
            } finally {
                Wipe.bytes(vault);
            }
        }
    }

    private static void checkIntegrity(Path staged, ProfileKeys keys) {
        try (VaultDatabase db = VaultDatabase.open(staged, keys::sqlcipherRawKey)) {
            String result = db.read(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            if (!"ok".equals(result)) {
                throw new VaultDamagedException("The vault inside the backup fails its integrity check; nothing was restored.");
            }
        } catch (VaultDamagedException e) {
            try {
                deleteWithSidecars(staged);
            } catch (IOException ignored) {
                // The staged copy is only a leftover; it never replaced anything.
            }
            throw e;
        }
    }

    /** Moves the vault being replaced into backups/ so a restore can itself be undone. */
    private static Path keepCurrentVault(ProfileLocation location) throws IOException {
        if (!Files.exists(location.vaultFile())) {
            return null;
        }
        Files.createDirectories(location.backupsFolder());
        Path kept = location.backupsFolder().resolve("vault-before-restore-" + System.currentTimeMillis() + ".db");
        Files.copy(location.vaultFile(), kept, StandardCopyOption.COPY_ATTRIBUTES);
        if (Files.exists(location.walFile())) {
            Files.copy(location.walFile(), Path.of(kept + "-wal"), StandardCopyOption.COPY_ATTRIBUTES);
        }
        return kept;
    }

    private static void deleteWithSidecars(Path db) throws IOException {
        Files.deleteIfExists(db);
        Files.deleteIfExists(Path.of(db + "-wal"));
        Files.deleteIfExists(Path.of(db + "-shm"));
    }

    static byte[] binding(String profileId, byte[] header) {
        try {
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(header));
            return ("keyward-backup/v1/" + profileId + "/" + digest).getBytes(StandardCharsets.UTF_8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
