package dev.keyward.app.ui.dashboard;

import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static dev.keyward.app.ui.DesktopTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.keyward.app.session.SessionServices;
import dev.keyward.app.testing.RequiresChromium;
import dev.keyward.app.ui.BackgroundWork;
import dev.keyward.app.ui.DesktopTest;
import dev.keyward.app.ui.DesktopTestKit;
import dev.keyward.app.ui.PageContext;
import dev.keyward.app.ui.Theme;
import dev.keyward.automation.dashboard.service.DashboardService;
import dev.keyward.automation.scripts.AutomationScript;
import dev.keyward.automation.scripts.ScriptService;
import dev.keyward.vault.session.VaultSession;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The rotation action of a key-hygiene finding runs the approved key-management program in real Chromium. */
@DesktopTest
@RequiresChromium
class HygieneRotationRunTest {

    @TempDir
    Path dataDir;
    SessionServices services;
    private Stage stage;
    private VaultSession session;
    private DashboardPage page;
    private final BackgroundWork work = new BackgroundWork();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme.LIGHT.apply();
        stage.setScene(new Scene(new StackPane(), 1100, 760));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        if (page != null) {
            onFx(() -> {
                page.dispose();
                return null;
            });
        }
        work.close();
        if (services != null) {
            services.close();
        }
        if (session != null) {
            session.close();
        }
    }

    @Test
    void theRotationActionRunsTheApprovedProgramAndSaysHowItEnded(FxRobot robot) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        session = DesktopTestKit.openNewProfile(dataDir, "work");
        session.enableAutomation();
        session.secrets().add("gh-deploy", "github_pat_CANARYrotationRUN0000000000000000".toCharArray(), "github");
        session.database().write(c -> {
            try (var ps = c.prepareStatement("UPDATE secrets SET expires_at = ? WHERE name = 'gh-deploy'")) {
                ps.setString(1, dev.keyward.vault.io.Timestamps.format(Instant.now().plus(Duration.ofDays(3))));
                ps.executeUpdate();
            }
            return null;
        });
        ScriptService scripts = new ScriptService(session);
        // The token page is unreachable here, so the run ends early; what counts is that the action starts a real run.
        AutomationScript script = scripts.importProgram("""
                {"format": "keyward.step-program", "format_version": 1, "title": "Rotate the deploy token",
                 "provider": "github", "task_type": "api_key_management", "allowed_domains": ["127.0.0.1"],
                 "steps": [{"id": "open-tokens", "type": "goto", "url": "http://127.0.0.1:%d/settings/tokens"}]}
                """.formatted(closedPort), null).script();
        scripts.approve(script.id());

        onFx(() -> {
            PageContext ctx = DesktopTestKit.pageContext(session, work, stage, new DesktopTestKit.QueuedFiles(),
                    new DirectDashboardJobs(new DashboardService(session)), services = SessionServices.open(session, dataDir));
            page = new DashboardPage(ctx);
            stage.getScene().setRoot((Parent) page.view());
            return null;
        });
        robot.clickOn("#dashboard-hygiene");
        waitUntil("the expiring key shows", () -> text(robot).contains("'gh-deploy' expires on"));

        Button run = onFx(() -> robot.lookup("#hygiene-view").lookup((Button b) -> b.getText().contains("Rotate the deploy token"))
                .queryAllAs(Button.class).iterator().next());
        robot.clickOn(run);
        // A key-management program may stop at a checkpoint first; refusing it ends the run as the person decided.
        waitUntil("the run reaches a checkpoint or its end", () -> robot.lookup("#checkpoint-reject").tryQuery().isPresent()
                || text(robot).contains("finished: "));
        if (robot.lookup("#checkpoint-reject").tryQuery().isPresent()) {
            robot.clickOn("#checkpoint-reject");
        }
        try {
            waitUntil("the run ends and says so", () -> text(robot).contains("Run of 'Rotate the deploy token' finished: "));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the view shows: " + text(robot), e);
        }
        assertEquals(1, new dev.keyward.automation.runner.RunHistory(session).runsOf(script.id(), 10).size(), "one recorded run");
        assertFalse(text(robot).contains("CANARY"));
    }

    private static String text(FxRobot robot) {
        return onFx(() -> robot.lookup(".label").queryAllAs(Labeled.class).stream().map(Labeled::getText)
                .filter(t -> t != null).collect(Collectors.joining("\n"))
                + robot.lookup(".button").queryAllAs(Labeled.class).stream().map(Labeled::getText)
                .collect(Collectors.joining("\n")));
    }
}
