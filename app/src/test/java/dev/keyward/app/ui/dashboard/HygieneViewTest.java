package dev.keyward.app.ui.dashboard;

import dev.keyward.app.session.SessionServices;
import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static dev.keyward.app.ui.DesktopTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.ui.BackgroundWork;
import dev.keyward.app.ui.DesktopTest;
import dev.keyward.app.ui.DesktopTestKit;
import dev.keyward.app.ui.PageContext;
import dev.keyward.app.ui.Theme;
import dev.keyward.automation.dashboard.admin.InventoryKey;
import dev.keyward.automation.dashboard.admin.KeyMatch;
import dev.keyward.automation.dashboard.service.DashboardService;
import dev.keyward.automation.dashboard.store.AdminRepository;
import dev.keyward.vault.session.VaultSession;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
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

/** The dashboard's key-hygiene view on a real profile whose stored inventory has an unknown copy and a gone key. */
@DesktopTest
class HygieneViewTest {

    private static final String CANARY = "sk-proj-oldCANARYdesktopGONE00000GONE";

    @TempDir
    Path dataDir;
    /** The session's services the page works with (made with the page, closed before the session). */
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
    void findingsShowWithTheirActionsAndADismissalHidesOne(FxRobot robot) {
        session = DesktopTestKit.openNewProfile(dataDir, "work");
        session.enableAutomation();
        session.providers().update("openai", new dev.keyward.vault.provider.ProviderUpdate(null, null, "", null, null, null));
        session.secrets().add("gone", CANARY.toCharArray(), "openai");
        String providerId = session.providers().get("openai").id();
        InventoryKey ghost = new InventoryKey("key_ghost", "Forgotten laptop key", "sk-proj-qqq...GHST", "proj_abc",
                "else@example.com", "active", false, Instant.now().minusSeconds(3600), Instant.now().minusSeconds(60), null);
        session.database().write(c -> {
            new AdminRepository(session.profileId()).storeInventory(c, providerId, List.of(new KeyMatch(ghost, null, null, 0)),
                    true, Instant.now());
            return null;
        });
        onFx(() -> {
            PageContext ctx = DesktopTestKit.pageContext(session, work, stage, new DesktopTestKit.QueuedFiles(),
                    new DirectDashboardJobs(new DashboardService(session)),
                    services != null ? services : (services = SessionServices.open(session, dataDir)));
            page = new DashboardPage(ctx);
            stage.getScene().setRoot((Parent) page.view());
            return null;
        });

        robot.clickOn("#dashboard-hygiene");
        waitUntil("the findings show", () -> text(robot).contains("exists at the provider but not in the vault"));
        String shown = text(robot);
        assertTrue(shown.contains("no longer lists 'gone'"), shown);
        assertTrue(shown.contains("Open the provider's page"), shown);
        assertFalse(shown.contains("CANARY"), shown);
        assertFalse(shown.contains("keyward "), "the desktop names no CLI command: " + shown);

        Button dismiss = onFx(() -> robot.lookup("#hygiene-view").lookup((Button b) -> b.getText().equals("Dismiss"))
                .queryAllAs(Button.class).iterator().next());
        robot.clickOn(dismiss);
        waitUntil("one finding is gone", () -> text(robot).contains("dismissed"));
    }

    @Test
    void aKeyCloseToExpiryShowsWithoutAnyAdminKey(FxRobot robot) {
        session = DesktopTestKit.openNewProfile(dataDir, "work");
        session.enableAutomation();
        session.secrets().add("gh-deploy", "github_pat_CANARYdesktopEXPIRING000000000000".toCharArray(), "github");
        session.database().write(c -> {
            try (var ps = c.prepareStatement("UPDATE secrets SET expires_at = ? WHERE name = 'gh-deploy'")) {
                ps.setString(1, dev.keyward.vault.io.Timestamps.format(Instant.now().plus(java.time.Duration.ofDays(3))));
                ps.executeUpdate();
            }
            return null;
        });
        onFx(() -> {
            PageContext ctx = DesktopTestKit.pageContext(session, work, stage, new DesktopTestKit.QueuedFiles(),
                    new DirectDashboardJobs(new DashboardService(session)),
                    services != null ? services : (services = SessionServices.open(session, dataDir)));
            page = new DashboardPage(ctx);
            stage.getScene().setRoot((Parent) page.view());
            return null;
        });

        robot.clickOn("#dashboard-hygiene");
        waitUntil("the expiring key shows", () -> text(robot).contains("'gh-deploy' expires on"));
        String shown = text(robot);
        assertTrue(shown.contains("No key inventory yet"), "and says what an admin key would add: " + shown);
        assertFalse(shown.contains("CANARY"), shown);
    }

    private static String text(FxRobot robot) {
        return onFx(() -> robot.lookup(".label").queryAllAs(Labeled.class).stream().map(Labeled::getText)
                .filter(t -> t != null).collect(Collectors.joining("\n"))
                + robot.lookup(".button").queryAllAs(Labeled.class).stream().map(Labeled::getText)
                .collect(Collectors.joining("\n")));
    }
}
