package dev.keyward.app.ui.shell;

import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static dev.keyward.app.ui.DesktopTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.ui.CutTexts;
import dev.keyward.app.ui.DesktopTestKit;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A person's first minutes on a real display (a desktop, or xvfb-run), with the keyboard only: the
 * create-profile screen and the one-time recovery code must be readable whole at the minimum and
 * the default window size, and Tab, Space and Enter must carry them to the main window.
 */
class FirstRunOnDisplayTest extends ShellTestBase {

    @BeforeAll
    static void needsADisplay() {
        Assumptions.assumeTrue(System.getenv("DISPLAY") != null, "no DISPLAY: run under xvfb-run");
        Assumptions.assumeFalse("Monocle".equals(System.getProperty("glass.platform")), "headless run: no real display");
    }

    @Start
    void start(Stage stage) throws Exception {
        startShell(stage);
    }

    @Test
    void createProfileAndRecoveryCodeAreWholeAndWorkWithTheKeyboardAlone(FxRobot robot) throws Exception {
        List<String> cut = new ArrayList<>();
        waitUntil("the create screen shows", () -> robot.lookup("#create-profile-view").tryQuery().isPresent());
        for (String size : new String[] {"720x480", "1000x680"}) {
            resize(size);
            DesktopOnDisplayShots.save(robot, stage, "create-profile-" + size + ".png");
            cut.addAll(cutTexts("create profile " + size));
        }
        // Wrong input first, so the error line is read too.
        waitUntil("the name field has the focus", () -> robot.lookup("#profile-name").query().isFocused());
        robot.write("work").type(KeyCode.TAB).write(DesktopTestKit.PASSWORD).type(KeyCode.TAB)
                .write("something else entirely").type(KeyCode.ENTER);
        waitUntil("the mismatch is told", () -> !robot.lookup("#create-error").queryAs(javafx.scene.control.Label.class)
                .getText().isEmpty());
        for (String size : new String[] {"720x480", "1000x680"}) {
            resize(size);
            cut.addAll(cutTexts("create profile with an error " + size));
        }
        // The focus went back to the first password; type both again.
        waitUntil("the password field has the focus", () -> robot.lookup("#new-password").query().isFocused());
        robot.write(DesktopTestKit.PASSWORD).type(KeyCode.TAB).write(DesktopTestKit.PASSWORD).type(KeyCode.ENTER);
        waitUntil("the recovery code shows", () -> robot.lookup("#recovery-code").tryQuery().isPresent());
        for (String size : new String[] {"720x480", "1000x680"}) {
            resize(size);
            DesktopOnDisplayShots.save(robot, stage, "recovery-code-" + size + ".png");
            cut.addAll(cutTexts("recovery code " + size));
            assertTrue(onFx(() -> CutTexts.wholeTextShows(robot.lookup("#recovery-code").queryAs(TextArea.class))),
                    "the recovery code needs scrolling at " + size);
        }
        // Tab to "I have saved it", Space ticks it, Enter continues.
        robot.type(KeyCode.TAB);
        waitUntil("the confirmation has the focus", () -> robot.lookup("#recovery-saved").query().isFocused());
        robot.type(KeyCode.SPACE);
        waitUntil("Space ticks the confirmation",
                () -> robot.lookup("#recovery-saved").queryAs(javafx.scene.control.CheckBox.class).isSelected());
        robot.type(KeyCode.ENTER);
        try {
            waitUntil("Enter continues to the main window", () -> robot.lookup("#main-view").tryQuery().isPresent());
        } finally {
            DesktopOnDisplayShots.save(robot, stage, "after-recovery-enter.png");
        }
        assertEquals("Keyward — work — unlocked", title());
        // Every page of a new profile: empty lists, automation off.
        for (String size : new String[] {"720x480", "1000x680"}) {
            resize(size);
            for (PageKind kind : PageKind.values()) {
                robot.clickOn("#" + kind.navId());
                WaitForAsyncUtils.waitForFxEvents();
                Thread.sleep(200); // the page reads the vault on a worker thread
                DesktopOnDisplayShots.save(robot, stage, "first-" + kind.navId() + "-" + size + ".png");
                cut.addAll(cutTexts("new profile, " + kind.title() + " " + size));
            }
        }
        assertTrue(cut.isEmpty(), "texts cut short:\n" + String.join("\n", cut));
    }

    private static List<String> cutTexts(String where) {
        WaitForAsyncUtils.waitForFxEvents();
        return onFx(() -> CutTexts.inOpenWindows(where));
    }

    private void resize(String size) {
        String[] wh = size.split("x");
        onFx(() -> {
            stage.setWidth(Integer.parseInt(wh[0]));
            stage.setHeight(Integer.parseInt(wh[1]));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
