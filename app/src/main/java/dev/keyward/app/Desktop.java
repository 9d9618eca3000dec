package dev.keyward.app;

import dev.keyward.app.ui.DesktopLauncher;
import dev.keyward.app.ui.projects.DotenvReader;
import dev.keyward.vault.backup.BackupService;
import java.nio.file.Path;

/** Starts the desktop app with the composition root's real backup restore and .env parser. */
public final class Desktop {

    private Desktop() {
    }

    static int start(String[] args) {
        Path dataDir = args.length == 2 && "--data-dir".equals(args[0]) ? Path.of(args[1]) : null;
        return launch(dataDir, args);
    }

    /** Starts the desktop app on {@code dataDir} (null: the default data folder), e.g. for {@code demo --open}. */
    public static int launch(Path dataDir) {
        return launch(dataDir, new String[0]);
    }

    private static int launch(Path dataDir, String[] args) {
        return DesktopLauncher.launch(dataDir, args, profiles -> {
            BackupService backups = new BackupService(profiles);
            return (profile, file, password) -> {
                BackupService.Restored restored = backups.restore(file, password);
                return "Restored '" + restored.profile().name() + "' from " + file.getFileName()
                        + (restored.previousVaultKeptAt() == null ? "." : "; the damaged vault is kept in its backups folder.");
            };
        }, DotenvReader.standard());
    }
}
