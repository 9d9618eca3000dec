package dev.keyward.app.ui.shell;

import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static dev.keyward.app.ui.DesktopTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.ui.DesktopTestKit;
import dev.keyward.vault.audit.AuditEntry;
import dev.keyward.vault.db.SchemaMigrations;
import dev.keyward.vault.profile.ProfileSummary;
import dev.keyward.vault.session.VaultSession;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

class AuditAndFeaturePagesFlowTest extends ShellTestBase {

    @Start
    void start(Stage stage) throws Exception {
        startShell(stage);
    }

    @Override
    void prepare() {
        ProfileSummary p = DesktopTestKit.createProfile(profiles, "work");
        try (VaultSession s = DesktopTestKit.open(profiles, p)) {
            for (int i = 0; i < 60; i++) {
                s.secrets().add("KEY_" + i, ("value-number-" + i).toCharArray(), null);
            }
            s.projects().create("api", null);
        }
    }

    @Test
    void auditLogPagesNewestFirstAndFiltersByCategory(FxRobot robot) {
        unlock(robot);
        robot.clickOn("#nav-audit-log");
        waitUntil("the first page is shown", () -> entries(robot).size() == 50);
        List<AuditEntry> first = onFx(() -> List.copyOf(entries(robot)));
        assertTrue(first.get(0).occurredAt().compareTo(first.get(49).occurredAt()) >= 0, "newest first");
        // Retention runs at unlock and records itself (categories job and retention); the user's own entries follow.
        assertEquals("project", first.stream().map(AuditEntry::category)
                .filter(c -> !c.equals("job") && !c.equals("retention")).findFirst().orElseThrow(),
                "the last thing the user did comes first");

        robot.clickOn("#audit-more");
        waitUntil("the next page is appended", () -> entries(robot).size() > 50
                && robot.lookup("#audit-more").queryAs(Button.class).isDisabled());
        List<AuditEntry> all = onFx(() -> List.copyOf(entries(robot)));
        assertEquals(all.size(), all.stream().map(AuditEntry::id).distinct().count(), "no entry twice");

        robot.interact(() -> robot.lookup("#audit-category").queryAs(ComboBox.class).setValue("project"));
        waitUntil("only project entries are shown", () -> entries(robot).size() == 1);
    }

    @Test
    void discoveryPageIsTheInboxAndLeadsToSettingsWhileNetworkAccessIsOff(FxRobot robot) {
        unlock(robot);
        robot.clickOn("#nav-discovery");
        waitUntil("the inbox explains why it is empty", () -> robot.lookup("#discovery-empty").tryQuery().isPresent()
                && robot.lookup("#discovery-empty").queryAs(Label.class).getText().contains("network access is off"));
        robot.clickOn("#discovery-open-settings");
        waitUntil("Settings is shown", () -> robot.lookup("#settings-save").tryQuery().isPresent()
                && robot.lookup("#nav-settings").queryAs(ToggleButton.class).isSelected());
    }

    @Test
    void automationEntryOpensTheProgramsListWithoutEnablingAutomation(FxRobot robot) {
        unlock(robot);
        VaultSession session = onFx(shell::session);
        robot.clickOn("#nav-automation");
        waitUntil("the programs list says how to start", () -> robot.lookup("#automation-page").tryQuery().isPresent()
                && DesktopTestKit.allVisibleText().contains("No programs here. Import one, or generate one from a sentence."));
        // Issue 14: reads never migrate or write; the first stored program enables the automation schema.
        assertFalse(SchemaMigrations.isAutomationEnabled(session.database()), "listing programs is a read");
    }

    @Test
    void dashboardEntryOpensTheDashboardWithItsHonestEmptyState(FxRobot robot) {
        unlock(robot);
        VaultSession session = onFx(shell::session);
        robot.clickOn("#nav-dashboard");
        waitUntil("the dashboard says it is not enabled yet", () -> DesktopTestKit.allVisibleText()
                .contains("The dashboard is not enabled for this profile"));
        assertTrue(robot.lookup("#dashboard-page").tryQuery().isPresent(), "the dashboard page");
        robot.clickOn("#dashboard-enable");
        waitUntil("no key has a provider", () -> DesktopTestKit.allVisibleText().contains("No keys to watch yet"));
        assertTrue(session.automationEnabled());
    }

    @SuppressWarnings("unchecked")
    private static List<AuditEntry> entries(FxRobot robot) {
        return robot.lookup("#audit-table").queryAs(TableView.class).getItems();
    }
}
