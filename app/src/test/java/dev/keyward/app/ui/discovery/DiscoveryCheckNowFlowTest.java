package dev.keyward.app.ui.discovery;

import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static dev.keyward.app.ui.DesktopTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.vault.jobs.JobName;
import dev.keyward.vault.jobs.JobRuns;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Check now: the network switch, a run through the session jobs, a run already under way. */
class DiscoveryCheckNowFlowTest extends DiscoveryPageTestBase {

    @Start
    void start(Stage stage) {
        keep(stage);
    }

    @Test
    void checkNowWithNetworkOffSaysSoAndSendsNothing(FxRobot robot) {
        profile(false);
        openPage(50);
        waitUntil("the empty state explains the switch", () -> text(robot, "#discovery-empty")
                .contains("network access is off"));
        assertTrue(onFx(() -> robot.lookup("#discovery-network-off").query().isVisible()), "the banner shows");
        assertTrue(robot.lookup("#discovery-open-settings").tryQuery().isPresent(), "a way to Settings");

        robot.clickOn("#discovery-check-now");
        waitUntil("the page says network access is off", () -> text(robot, "#discovery-run-status")
                .equals(CheckNowControl.NETWORK_OFF));
        assertEquals(0, jobs.asked(), "no run was asked for");
        assertEquals(0, feeds.hits(), "zero requests");
    }

    @Test
    void checkNowRunsDiscoveryAndReloadsTheInbox(FxRobot robot) {
        profile(true);
        openPage(50);
        waitUntil("the empty state says to check", () -> text(robot, "#discovery-empty")
                .startsWith("No findings yet. Press Check now"));
        assertEquals(1, jobs.listening());

        robot.clickOn("#discovery-check-now");
        waitUntil("the run's findings show", () -> table(robot).getItems().size() == stored(InboxFilter.OPEN).size()
                && !table(robot).getItems().isEmpty());
        waitUntil("the run is reported", () -> text(robot, "#discovery-run-status")
                .startsWith("Discovery checked your providers"));
        assertEquals(1, jobs.asked());
        assertTrue(feeds.hits() > 0);

        onFx(() -> {
            page.dispose();
            return null;
        });
        assertEquals(0, jobs.listening(), "a disposed page stops listening");
        page = null;
    }

    @Test
    void checkNowSaysWhenARunIsAlreadyUnderWay(FxRobot robot) {
        profile(true);
        openPage(50);
        waitUntil("the page is loaded", () -> text(robot, "#discovery-empty").startsWith("No findings yet."));
        try (JobRuns.Run running = session.jobs().begin(JobName.DISCOVERY, "scheduled").orElseThrow()) {
            robot.clickOn("#discovery-check-now");
            waitUntil("the page says a run is under way", () -> text(robot, "#discovery-run-status")
                    .startsWith("A discovery run is already under way"));
            assertEquals(0, feeds.hits(), "the second run sent nothing");
        }
    }
}
