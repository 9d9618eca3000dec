package dev.keyward.app.ui.scan;

import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static dev.keyward.app.ui.DesktopTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.ui.DesktopTestKit;
import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.projects.ProjectLink;
import dev.keyward.vault.secrets.SecretInfo;
import dev.keyward.vault.secrets.SecretService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Adopt from the Scan page: the plan shows each variable's fate and changes nothing when it is closed; a
 * conflict must be chosen; adopting leaves references in the file, the values in the vault and the original in
 * an encrypted backup, and the page scans again. No value shows anywhere.
 */
class AdoptFromScanPageFlowTest extends ScanPageTestBase {

    static final String NEW_VALUE = "kw-canary-adoptnew-5e4d3c2b1a09";
    static final String REUSED = "kw-canary-adoptold-9f8e7d6c5b4a";
    static final String VAULT_SHARED = "kw-canary-vaultval-1122334455aa";
    static final String FILE_SHARED = "kw-canary-fileval-66778899bbcc";

    @Start
    void start(Stage stage) {
        keep(stage);
    }

    @Test
    void thePlanChangesNothingAndAdoptingReplacesTheFileWithReferencesToTheVaultsValues(FxRobot robot) throws Exception {
        profile();
        session.secrets().add("REUSED_KEY", REUSED.toCharArray(), null);
        session.secrets().add("SHARED_SECRET", VAULT_SHARED.toCharArray(), null);
        session.projects().create("proj", null);
        session.projects().link("proj", "SHARED_SECRET", "SHARED");
        Path env = write(work.resolve("proj/.env"), "API_TOKEN=" + NEW_VALUE + "\nREUSED=" + REUSED + "\nSHARED="
                + FILE_SHARED + "\nPORT=\n");
        byte[] original = Files.readAllBytes(env);
        List<String> secretsBefore = names();

        openPage();
        addFolder(robot, work.resolve("proj"));
        scanAndWait(robot);
        assertTrue(text(robot, "#scan-status").contains("1 .env file can be adopted."), text(robot, "#scan-status"));
        assertTrue(groups(robot).contains(List.of(".env files with values to adopt (1)",
                "proj/.env: 3 variables to move into project proj")), groups(robot).toString());

        select(robot, "proj/.env: 3 variables");
        robot.clickOn("#scan-adopt");
        waitUntil("the plan shows", () -> robot.lookup("#adopt-dialog").tryQuery().isPresent());
        String plan = DesktopTestKit.allVisibleText();
        assertTrue(plan.contains("proj/.env goes to project proj:"), plan);
        assertTrue(plan.contains("New: API_TOKEN, line 1 (new secret proj/API_TOKEN)"), plan);
        assertTrue(plan.contains("Copy: REUSED, line 2 (copy of secret REUSED_KEY: linked, no new secret)"), plan);
        assertTrue(plan.contains("CONFLICT: SHARED, line 3 (project proj links it to secret SHARED_SECRET, which holds another value)"), plan);
        assertTrue(plan.contains("Keep: PORT, line 4"), plan);
        assertTrue(onFx(() -> dialogButton(robot, ButtonBar.ButtonData.OK_DONE).isDisabled()), "a conflict is open");
        robot.interact(() -> dialogButton(robot, ButtonBar.ButtonData.CANCEL_CLOSE).fire());
        waitUntil("the plan is closed", () -> robot.lookup("#adopt-dialog").tryQuery().isEmpty());
        assertArrayEquals(original, Files.readAllBytes(env), "looking at the plan changes no file");
        assertEquals(secretsBefore, names(), "looking at the plan adds no secret");
        assertEquals(List.of("SHARED"), session.projects().links("proj").stream().map(ProjectLink::envVar).toList());

        robot.clickOn("#scan-adopt");
        waitUntil("the plan shows again", () -> robot.lookup("#adopt-dialog").tryQuery().isPresent());
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<String> choice = robot.lookup("#adopt-choice-SHARED").queryAs(ComboBox.class);
            choice.setValue(AdoptDialog.FILE_WINS);
        });
        assertFalse(onFx(() -> dialogButton(robot, ButtonBar.ButtonData.OK_DONE).isDisabled()), "every conflict chosen");
        robot.interact(() -> dialogButton(robot, ButtonBar.ButtonData.OK_DONE).fire());
        waitUntil("the adoption is said and the scan is done again", () -> robot.lookup("#adopt-dialog").tryQuery().isEmpty()
                && !robot.lookup("#scan-start").query().isDisabled()
                && text(robot, "#scan-status").startsWith("Adopted proj/.env into project proj")
                && text(robot, "#scan-status").contains("Scan finished"));

        String file = Files.readString(env);
        assertTrue(file.contains("API_TOKEN=keyward://projects/proj/API_TOKEN"), file);
        assertTrue(file.contains("PORT="), file);
        for (String value : List.of(NEW_VALUE, REUSED, FILE_SHARED)) {
            assertFalse(file.contains(value), "the file holds references only");
        }
        Map<String, char[]> environment = session.projects().environment("proj", SecretService.Purpose.INJECT);
        try {
            assertEquals(NEW_VALUE, new String(environment.get("API_TOKEN")));
            assertEquals(REUSED, new String(environment.get("REUSED")));
            assertEquals(FILE_SHARED, new String(environment.get("SHARED")), "the file's value won the conflict");
        } finally {
            environment.values().forEach(Wipe::chars);
        }
        try (var backups = Files.list(session.location().backupsFolder())) {
            assertFalse(backups.toList().isEmpty(), "the original is kept in a backup");
        }
        assertTrue(groups(robot).stream().noneMatch(g -> g.get(0).startsWith(".env files")), "nothing left to adopt");

        String shown = DesktopTestKit.allVisibleText();
        for (String value : List.of(NEW_VALUE, REUSED, VAULT_SHARED, FILE_SHARED)) {
            assertFalse(shown.contains(value), "a value is shown");
            assertFalse(printed().contains(value), "a value is printed or logged");
        }
    }

    @Test
    void aPlanThatCannotBeMadeIsSaidOnThePageAndChangesNothing(FxRobot robot) throws Exception {
        profile();
        Path env = write(work.resolve("proj/.env"), "API_TOKEN=" + NEW_VALUE + "\n");
        openPage();
        addFolder(robot, work.resolve("proj"));
        scanAndWait(robot);
        select(robot, "proj/.env: 1 variable");
        // The file breaks after the scan listed it: the plan, made only now, says so.
        byte[] broken = ("API_TOKEN=\"" + NEW_VALUE + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(env, broken);
        robot.clickOn("#scan-adopt");
        waitUntil("the page says why", () -> text(robot, "#scan-status").startsWith(
                "What adopting proj/.env would do could not be worked out: "));
        String status = text(robot, "#scan-status");
        assertTrue(status.contains("line 1"), status);
        assertTrue(robot.lookup("#adopt-dialog").tryQuery().isEmpty(), "no plan to show");
        assertArrayEquals(broken, Files.readAllBytes(env), "the file is left as it is");
        assertTrue(session.projects().list().isEmpty(), "nothing was written to the vault");
        assertFalse(DesktopTestKit.allVisibleText().contains(NEW_VALUE), "a value is shown");
        assertFalse(printed().contains(NEW_VALUE), "a value is printed or logged");
    }

    private List<String> names() {
        return session.secrets().list().stream().map(SecretInfo::name).sorted().toList();
    }

    private static Button dialogButton(FxRobot robot, ButtonBar.ButtonData data) {
        DialogPane pane = robot.lookup("#adopt-dialog").queryAs(DialogPane.class);
        for (Node n : pane.lookupAll(".button")) {
            if (n instanceof Button b && ButtonBar.getButtonData(b) == data) {
                return b;
            }
        }
        throw new AssertionError("no " + data + " button");
    }
}
