package dev.keyward.app.ui;

import dev.keyward.app.ui.projects.DotenvReader;
import dev.keyward.app.ui.unlock.BackupRestorer;
import dev.keyward.vault.profile.DataRoot;
import dev.keyward.vault.session.ProfileService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;
import javafx.application.Application;

/** Starts the desktop app when {@code keyward} runs without a CLI command. */
public final class DesktopLauncher {

    private DesktopLauncher() {
    }

    /**
     * Runs the desktop app on {@code dataDir} (null: $KEYWARD_HOME or the platform's data
     * folder) until it quits; returns the process exit code. A second start on the same folder
     * brings the first one's window forward and returns 0 at once.
     */
    public static int launch(Path dataDir, String[] args) {
        return launch(dataDir, args, profiles -> BackupRestorer.unavailable(), DotenvReader.standard());
    }

    /**
     * As {@link #launch(Path, String[])}, with the composition root's restore (built over the desktop's
     * profiles, so one {@link ProfileService} serves both) and .env parsing.
     */
    public static int launch(Path dataDir, String[] args, Function<ProfileService, BackupRestorer> restorer,
                             DotenvReader dotenv) {
        DataRoot root = DataRoot.resolve(dataDir, System.getenv());
        InstanceGuard guard;
        try {
            guard = InstanceGuard.claim(root.path(), DesktopApp::showRunningWindow);
        } catch (IOException e) {
            System.err.println("Keyward could not use its data folder " + root.path() + " (" + e.getClass().getSimpleName()
                    + "). Check that it exists and is writable.");
            return 1;
        }
        if (guard == null) {
            System.out.println("Keyward is already running on " + root.path() + "; its window was brought forward.");
            return 0;
        }
        try (guard) {
            DesktopServices services = DesktopServices.forDesktop(root);
            DesktopApp.prepare(services.withRestorer(restorer.apply(services.profiles())).withDotenv(dotenv));
            DesktopRendering.choose(System.getProperties());
            Application.launch(DesktopApp.class, args);
            return 0;
        }
    }
}
