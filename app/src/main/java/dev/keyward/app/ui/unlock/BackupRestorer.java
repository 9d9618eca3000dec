package dev.keyward.app.ui.unlock;

import dev.keyward.vault.OperationFailedException;
import dev.keyward.vault.crypto.Password;
import dev.keyward.vault.profile.ProfileSummary;
import java.nio.file.Path;

/**
 * Restores a damaged profile from a backup file; the composition root supplies the real one.
 * Runs on a background thread.
 */
@FunctionalInterface
public interface BackupRestorer {

    /**
     * Replaces the profile's damaged files with those of {@code backupFile}, unlocking the backup
     * with {@code password} (the password current when it was made; wiped by the caller);
     * returns a sentence for the user.
     */
    String restore(ProfileSummary profile, Path backupFile, Password password);

    /** Until the backup service is wired in: says so instead of pretending. */
    static BackupRestorer unavailable() {
        return (profile, file, password) -> {
            throw new OperationFailedException("Restoring from a backup is not wired into this build of the desktop app.");
        };
    }
}
