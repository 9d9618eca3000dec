package dev.keyward.app.ui.shell;

import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static dev.keyward.app.ui.DesktopTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.ui.CutTexts;
import dev.keyward.app.ui.DesktopServices;
import dev.keyward.app.ui.DesktopTestKit;
import dev.keyward.vault.profile.ProfileSummary;
import dev.keyward.vault.session.VaultSession;
import dev.keyward.vault.testing.ReadOnlyFolder;
import java.nio.file.Files;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * A profile whose folder cannot be written opens in the desktop for reading, and the window says so in
 * words a person acts on: reading works, changes are refused, and nothing is recorded in the audit log
 * (the command line prints the same note on stderr; the desktop had said nothing).
 */
class ReadOnlyProfileFlowTest extends ShellTestBase {

    private ReadOnlyFolder readOnly;
    private final RecordingTray tray = new RecordingTray();

    @Start
    void start(Stage stage) throws Exception {
        startShell(stage);
    }

    @Override
    DesktopServices services() {
        return super.services().withTray(tray);
    }

    @Override
    void prepare() throws Exception {
        ProfileSummary profile = DesktopTestKit.createProfile(profiles, "work");
        try (VaultSession s = DesktopTestKit.open(profiles, profile)) {
            s.secrets().add("OPENAI_API_KEY", "sk-read-only-canary-0123456789".toCharArray(), null);
        }
        readOnly = ReadOnlyFolder.make(profile.location().folder());
        assertFalse(Files.isWritable(profile.location().folder()), "the folder is really read-only");
    }

    @AfterEach
    void writableAgain() throws Exception {
        if (readOnly != null) {
            // The shell first (a subclass's @AfterEach runs before its base's): a mount in use cannot be undone.
            closeShell();
            readOnly.close();
        }
    }

    @Test
    void aReadOnlyProfileOpensForReadingAndTheWindowSaysChangesAreRefusedAndNotAudited(FxRobot robot) {
        List<String> banners = new java.util.concurrent.CopyOnWriteArrayList<>();
        onFx(() -> {
            robot.lookup("#banner").queryAs(Label.class).textProperty().addListener((o, was, now) -> banners.add(now));
            return null;
        });
        unlock(robot);
        waitUntil("the secrets table lists the secret", () ->
                robot.lookup("#secrets-table").queryAs(TableView.class).getItems().size() == 1);

        waitUntil("the banner says the profile is read-only", () ->
                robot.lookup("#banner").queryAs(Label.class).getText().startsWith("Read-only profile"));
        String banner = onFx(() -> robot.lookup("#banner").queryAs(Label.class).getText());
        assertTrue(banner.contains("read-only"), banner);
        assertTrue(banner.contains("changes are refused"), banner);
        assertTrue(banner.contains("audit log"), banner);
        assertFalse(banner.contains("keyward ") || banner.contains("--"), "no command-line syntax: " + banner);

        String statusLine = onFx(() -> robot.lookup("#status-line").queryAs(Label.class).getText());
        assertEquals("Keyward — work — unlocked, read-only", statusLine, "the status line keeps saying it after the banner goes");
        assertEquals(statusLine, title());
        // Background jobs write (their schedule, snapshots, findings): they are not started, rather than failing.
        assertTrue(banner.contains("Background refresh, discovery and clean-up do not run"), banner);
        assertEquals(List.of(), banners.stream().filter(b -> !b.startsWith("Read-only profile")).toList(),
                "only the read-only notice was shown");
        assertEquals(null, onFx(shell::jobs), "no background jobs on a read-only profile");

        // The tray's Refresh now says why nothing refreshes (not "unlock again to start them").
        onFx(() -> {
            tray.actions().refreshNow().run();
            return null;
        });
        String refresh = onFx(() -> robot.lookup("#banner").queryAs(Label.class).getText());
        assertTrue(refresh.startsWith("Nothing to refresh") && refresh.contains("read-only"), refresh);
        assertEquals(List.of(), onFx(() -> CutTexts.in(stage.getScene(), "read-only main window")), "no cut text");
    }
}
