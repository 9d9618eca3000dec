package dev.keyward.vault.profile;

import java.nio.file.Path;

/** The files of one profile on disk. */
public record ProfileLocation(Path folder) {

    public Path headerFile() {
        return folder.resolve("profile.json");
    }

    public Path vaultFile() {
        return folder.resolve("vault.db");
    }

    public Path walFile() {
        return folder.resolve("vault.db-wal");
    }

    public Path shmFile() {
        return folder.resolve("vault.db-shm");
    }

    public Path debugFolder() {
        return folder.resolve("debug");
    }

    public Path backupsFolder() {
        return folder.resolve("backups");
    }
}
