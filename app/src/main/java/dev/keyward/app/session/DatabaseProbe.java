package dev.keyward.app.session;

import dev.keyward.vault.db.VaultDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.OptionalLong;

/**
 * How {@link VaultChanges} looks at a real vault without holding up its writer: every commit, by any
 * process, moves the size or modification time of {@code vault.db} or its {@code -wal}, so the data
 * version is read only after they moved, and then only while this process's writer is idle. The file
 * times' granularity (a few milliseconds on Linux) could hide a commit that rewrites a log of the same
 * size within one tick of the last look; any later commit or this process's own report shows it.
 */
final class DatabaseProbe implements VaultChanges.Probe {

    private final VaultDatabase database;
    private final List<Path> files;
    /** The files' sizes and times when the version was last read; used by the polling thread only. */
    private List<Object> lastFiles;
    private long lastVersion;

    DatabaseProbe(VaultDatabase database) {
        this.database = database;
        this.files = List.of(database.file(), Path.of(database.file() + "-wal"));
    }

    @Override
    public boolean replaced() {
        return database.isReplaced();
    }

    @Override
    public OptionalLong dataVersion() {
        // Read before the version, so a commit between the two is seen at the next look.
        List<Object> now = fileStates();
        if (now.equals(lastFiles)) {
            return OptionalLong.of(lastVersion);
        }
        OptionalLong version = database.dataVersionIfIdle();
        if (version.isPresent()) {
            lastFiles = now;
            lastVersion = version.getAsLong();
        }
        return version;
    }

    private List<Object> fileStates() {
        return files.stream().map(DatabaseProbe::state).toList();
    }

    private static Object state(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return List.of(a.size(), a.lastModifiedTime(), String.valueOf(a.fileKey()));
        } catch (IOException e) {
            return "absent";
        }
    }
}
