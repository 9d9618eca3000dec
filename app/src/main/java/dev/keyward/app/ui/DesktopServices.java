package dev.keyward.app.ui;

import dev.keyward.app.ui.projects.DotenvReader;
import dev.keyward.app.ui.tray.TrayChannel;
import dev.keyward.app.ui.unlock.BackupRestorer;
import dev.keyward.app.ui.unlock.UnlockThrottle;
import dev.keyward.vault.crypto.Argon2Params;
import dev.keyward.vault.profile.DataRoot;
import dev.keyward.vault.session.ProfileService;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Everything the desktop shell is built from, assembled by the composition root (or by a test,
 * with fast key derivation, no tray and a file picker that answers by itself).
 *
 * @param idleTimeout auto-lock delay to use instead of the {@code auto_lock_minutes} setting, or null
 */
public record DesktopServices(
        ProfileService profiles,
        BackupRestorer restorer,
        DotenvReader dotenv,
        TrayChannel tray,
        FilePicker files,
        OneTimeNotices notices,
        Supplier<UnlockThrottle> throttle,
        Duration idleTimeout) {

    /** The real desktop: default Argon2id cost, the system tray if there is one, native file choosers. */
    public static DesktopServices forDesktop(DataRoot root) {
        return new DesktopServices(new ProfileService(root, Clock.systemUTC(), Argon2Params.DEFAULT, "app"),
                BackupRestorer.unavailable(), DotenvReader.standard(), TrayChannel.forThisDesktop(),
                FilePicker.nativeChooser(), new OneTimeNotices(root.path().resolve("desktop-notices.properties")),
                UnlockThrottle::standard, null);
    }

    public DesktopServices withRestorer(BackupRestorer r) {
        return new DesktopServices(profiles, r, dotenv, tray, files, notices, throttle, idleTimeout);
    }

    public DesktopServices withDotenv(DotenvReader d) {
        return new DesktopServices(profiles, restorer, d, tray, files, notices, throttle, idleTimeout);
    }

    public DesktopServices withTray(TrayChannel t) {
        return new DesktopServices(profiles, restorer, dotenv, t, files, notices, throttle, idleTimeout);
    }

    public DesktopServices withFiles(FilePicker f) {
        return new DesktopServices(profiles, restorer, dotenv, tray, f, notices, throttle, idleTimeout);
    }

    public DesktopServices withIdleTimeout(Duration d) {
        return new DesktopServices(profiles, restorer, dotenv, tray, files, notices, throttle, d);
    }
}
