package dev.keyward.app.ui.shell;

import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static dev.keyward.app.ui.DesktopTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.agent.AgentPreference;
import dev.keyward.app.agent.protocol.AgentLink;
import dev.keyward.app.agent.protocol.AgentSocketPath;
import dev.keyward.app.ui.CutTexts;
import dev.keyward.app.ui.DesktopTestKit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Settings page's switch for serving the command line, on the real shell: turning it off removes the
 * agent's socket at once (no restart, no lock) and is stored for the data folder, so the next unlock does not
 * serve either; turning it on serves the open session at once. Its texts are whole at the minimum size.
 */
class CommandLineSwitchFlowTest extends ShellTestBase {

    @Start
    void start(Stage stage) throws Exception {
        startShell(stage);
    }

    @Override
    void prepare() {
        DesktopTestKit.createProfile(profiles, "work");
    }

    @Test
    void theSwitchStopsAndStartsServingAtOnceAndIsKeptForTheNextUnlock(FxRobot robot) throws Exception {
        Path socket = AgentSocketPath.of(dataDir, System.getenv()).socket();
        unlock(robot);
        waitUntil("the unlocked app serves", () -> Files.exists(socket));
        robot.clickOn("#nav-settings");
        waitUntil("the switch shows", () -> robot.lookup("#setting-agent-serves").tryQuery().isPresent());
        CheckBox serves = robot.lookup("#setting-agent-serves").queryAs(CheckBox.class);
        assertTrue(onFx(serves::isSelected), "serving is on unless turned off");

        onFx(() -> {
            stage.setWidth(720);
            stage.setHeight(480);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = onFx(() -> CutTexts.inOpenWindows("settings at 720x480"));
        assertEquals(List.of(), cut, "texts cut short");

        robot.clickOn("#setting-agent-serves");
        waitUntil("the socket is gone", () -> !Files.exists(socket));
        assertFalse(new AgentPreference(dataDir).desktopServes(), "the choice is stored for the data folder");
        assertEquals("Keyward commands in your terminals now ask for the password themselves.", status(robot));
        assertThrows(IOException.class, () -> AgentLink.connect(socket, "test").close());

        robot.clickOn("#setting-agent-serves");
        waitUntil("the socket is back", () -> Files.exists(socket));
        assertTrue(new AgentPreference(dataDir).desktopServes());
        try (AgentLink link = AgentLink.connect(socket, "test")) {
            assertFalse(link.welcome().flag("locked"), "the open session is served at once");
            assertEquals("work", link.welcome().string("profile"));
        }
        assertEquals("Keyward commands in your terminals now use this app while the profile is unlocked.", status(robot));

        // Off, then a lock and an unlock: the stored choice holds.
        robot.clickOn("#setting-agent-serves");
        waitUntil("the socket is gone again", () -> !Files.exists(socket));
        onFx(() -> {
            shell.lockAndStop();
            return null;
        });
        unlock(robot);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(Files.exists(socket), "an unlock after turning it off does not serve");
    }

    private static String status(FxRobot robot) {
        return onFx(() -> robot.lookup("#agent-serves-status").queryAs(Label.class).getText());
    }
}
