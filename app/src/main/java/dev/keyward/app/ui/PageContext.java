package dev.keyward.app.ui;

import dev.keyward.app.session.SessionServices;
import dev.keyward.app.ui.jobs.SessionJobs;
import dev.keyward.app.ui.projects.DotenvReader;
import dev.keyward.app.ui.tray.Notifier;
import dev.keyward.vault.session.VaultSession;
import dev.keyward.vault.settings.ProfileSettings;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * What a page of the main window works with: the unlocked session and the shell's shared
 * parts. Pages call the vault only through {@link #work()} or {@link #longWork()}.
 *
 * @param settings        the profile's settings as last loaded or saved
 * @param settingsChanged tells the shell that settings were saved (theme, auto-lock)
 * @param jobs            the session's background jobs (run now, hear when a run finished)
 * @param services        the session's services, shared by every page and closed with the session
 */
public record PageContext(
        VaultSession session,
        BackgroundWork work,
        LongWork longWork,
        Window owner,
        ClipboardGuard clipboard,
        FilePicker files,
        DotenvReader dotenv,
        Notifier notifier,
        Supplier<ProfileSettings> settings,
        Consumer<ProfileSettings> settingsChanged,
        SessionJobs jobs,
        SessionServices services) {
}
