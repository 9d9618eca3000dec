package dev.keyward.app.ui;

import dev.keyward.app.session.SessionServices;
import dev.keyward.app.ui.jobs.SessionJobs;
import dev.keyward.app.ui.projects.DotenvReader;
import dev.keyward.app.ui.tray.NoTrayChannel;
import dev.keyward.app.ui.unlock.BackupRestorer;
import dev.keyward.app.ui.unlock.UnlockThrottle;
import dev.keyward.vault.crypto.Argon2Params;
import dev.keyward.vault.crypto.Password;
import dev.keyward.vault.profile.DataRoot;
import dev.keyward.vault.profile.ProfileSummary;
import dev.keyward.vault.session.ProfileService;
import dev.keyward.vault.session.VaultSession;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.Clipboard;
import javafx.scene.text.Text;
import javafx.stage.Window;
import org.testfx.util.WaitForAsyncUtils;

/** Shared parts of the desktop tests: fast key derivation, no tray, a file picker that answers by itself. */
public final class DesktopTestKit {

    /** The OWASP floor: fast enough for tests, still real Argon2id. */
    public static final Argon2Params FAST = new Argon2Params(19 * 1024, 2, 1);
    public static final String PASSWORD = "correct horse battery";

    private DesktopTestKit() {
    }

    public static ProfileService profiles(Path dataDir) {
        return new ProfileService(new DataRoot(dataDir), Clock.systemUTC(), FAST, "app");
    }

    public static DesktopServices services(ProfileService profiles, Path dataDir, QueuedFiles files, Duration idle) {
        return new DesktopServices(profiles, BackupRestorer.unavailable(), DotenvReader.standard(), new NoTrayChannel(),
                files, new OneTimeNotices(dataDir.resolve("desktop-notices.properties")), UnlockThrottle::standard, idle);
    }

    private static final long FX_WAIT_SECONDS = 60;

    /** Creates a profile and returns it (its recovery code is wiped). */
    public static ProfileSummary createProfile(ProfileService profiles, String name) {
        try (Password p = Password.copyOf(PASSWORD.toCharArray())) {
            ProfileService.Created created = profiles.create(name, p);
            created.recoveryCode().destroy();
            return created.profile();
        }
    }

    public static VaultSession open(ProfileService profiles, ProfileSummary profile) {
        try (Password p = Password.copyOf(PASSWORD.toCharArray())) {
            return profiles.unlock(profile, p);
        }
    }

    /**
     * Waits (up to 60 s) until {@code condition}, evaluated on the JavaFX thread, holds. The limit only ends a
     * test that would wait for ever: the module's tests run in two JVMs at once on CI's two cores, beside
     * child JVMs, and 20 s ran out on a loaded machine while the app was still working.
     */
    public static void waitUntil(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(FX_WAIT_SECONDS, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Timed out waiting until " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Runs {@code action} on the JavaFX thread (waiting up to 60 s) and returns its result. */
    public static <T> T onFx(Callable<T> action) {
        try {
            return WaitForAsyncUtils.asyncFx(action).get(FX_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Every text of every open window a person could read: labelled controls, text fields (not what a password
     * field hides behind its dots), text drawn by itself, and every line of a tree, shown or folded away. Tests
     * search it for values that must not be on screen.
     */
    public static String allVisibleText() {
        return onFx(() -> {
            StringBuilder out = new StringBuilder();
            for (Window w : Window.getWindows()) {
                if (w.getScene() != null) {
                    collect(w.getScene().getRoot(), out);
                }
            }
            return out.toString();
        });
    }

    private static void collect(Node node, StringBuilder out) {
        if (node instanceof Labeled l && l.getText() != null) {
            out.append(l.getText()).append('\n');
        }
        if (node instanceof TextInputControl t && !(node instanceof PasswordField)) {
            out.append(t.getText()).append('\n');
        }
        if (node instanceof Text t) { // drawn by itself, or a control's own (a password field's shows dots)
            out.append(t.getText()).append('\n');
        }
        if (node instanceof TreeView<?> tree && tree.getRoot() != null) {
            collectItems(tree.getRoot(), out);
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }

    private static void collectItems(TreeItem<?> item, StringBuilder out) {
        out.append(item.getValue()).append('\n');
        item.getChildren().forEach(c -> collectItems(c, out));
    }

    /** Opens a new profile named {@code name} in {@code dataDir}. */
    public static VaultSession openNewProfile(Path dataDir, String name) {
        ProfileService profiles = profiles(dataDir);
        return open(profiles, createProfile(profiles, name));
    }

    /**
     * A page's context as the shell makes it, on {@code session} and its {@code services}: a progress layer of its
     * own, the system clipboard, the standard .env reader, the profile's settings, no notifications.
     */
    public static PageContext pageContext(VaultSession session, BackgroundWork work, Window owner, FilePicker files,
                                          SessionJobs jobs, SessionServices services) {
        return new PageContext(session, work, new LongWork(work, new ProgressOverlay()), owner,
                new ClipboardGuard(Clipboard.getSystemClipboard()), files, DotenvReader.standard(), notification -> { },
                session.settings()::current, settings -> { }, jobs, services);
    }

    /** A file picker whose answers the test queues up beforehand. */
    public static final class QueuedFiles implements FilePicker {
        private final Deque<Path> answers = new ArrayDeque<>();

        public void answer(Path path) {
            answers.add(path);
        }

        @Override
        public Path chooseFileToOpen(Window owner, String title) {
            return answers.poll();
        }

        @Override
        public Path chooseFileToSave(Window owner, String title, String suggestedName) {
            return answers.poll();
        }

        @Override
        public Path chooseFolder(Window owner, String title) {
            return answers.poll();
        }
    }
}
