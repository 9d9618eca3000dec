package dev.keyward.app.ui.shell;

import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static dev.keyward.app.ui.DesktopTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.ui.DesktopTestKit;
import dev.keyward.app.ui.secrets.SecretRow;
import dev.keyward.vault.profile.ProfileSummary;
import dev.keyward.vault.session.VaultSession;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

class SecretsFlowTest extends ShellTestBase {

    static final String KEY = "sk-proj-abcdefghijklmnopqrstuvwxyz0123";

    @Start
    void start(Stage stage) throws Exception {
        startShell(stage);
    }

    @Override
    void prepare() {
        ProfileSummary p = DesktopTestKit.createProfile(profiles, "work");
        try (VaultSession s = DesktopTestKit.open(profiles, p)) {
            s.settings().set("clipboard_clear_seconds", "1");
            s.secrets().add("STRIPE_KEY", "rk_live_0000000000000000stripe".toCharArray(), null);
        }
    }

    @Test
    void addedSecretIsListedMaskedWithItsProviderDetectedFromTheKey(FxRobot robot) {
        unlock(robot);
        robot.clickOn("#secret-add");
        robot.clickOn("#secret-name").write("OPENAI_KEY");
        robot.interact(() -> robot.lookup("#secret-value").queryAs(TextField.class).setText(KEY));
        waitUntil("the provider is detected", () ->
                robot.lookup("#provider-hint").queryAs(Label.class).getText().contains("openai"));
        robot.type(KeyCode.ENTER);

        waitUntil("the new secret is listed", () -> rows(robot).size() == 2);
        SecretRow added = onFx(() -> rows(robot).stream().filter(r -> r.info().name().equals("OPENAI_KEY")).findFirst().orElseThrow());
        assertEquals("openai", added.info().providerSlug());
        assertEquals("••••••••0123", onFx(() -> added.shownValue().get()));
        assertFalse(DesktopTestKit.allVisibleText().contains(KEY), "the value is not shown until revealed");
    }

    @Test
    void copiedSecretLeavesTheClipboardAfterTheConfiguredDelay(FxRobot robot) {
        unlock(robot);
        waitUntil("the secret is listed", () -> rows(robot).size() == 1);
        robot.clickOn("STRIPE_KEY");
        robot.clickOn("#secret-copy");
        waitUntil("the value is on the clipboard", () ->
                "rk_live_0000000000000000stripe".equals(Clipboard.getSystemClipboard().getString()));
        waitUntil("the clipboard is cleared (clipboard_clear_seconds = 1)", () ->
                !Clipboard.getSystemClipboard().hasString());
    }

    @Test
    void searchFiltersTheListAndCtrlFFocusesIt(FxRobot robot) {
        unlock(robot);
        waitUntil("the secret is listed", () -> rows(robot).size() == 1);
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        assertTrue(onFx(() -> robot.lookup("#secret-search").query().isFocused()));
        robot.write("nothing-matches");
        waitUntil("the list is empty", () -> table(robot).getItems().isEmpty());
        robot.interact(() -> robot.lookup("#secret-search").queryAs(TextField.class).setText("stripe"));
        waitUntil("the match is listed", () -> table(robot).getItems().size() == 1);
    }

    @Test
    void revealShowsTheValueAndRotationKeepsTheHistory(FxRobot robot) {
        unlock(robot);
        waitUntil("the secret is listed", () -> rows(robot).size() == 1);
        robot.clickOn("STRIPE_KEY");
        robot.clickOn("#secret-reveal");
        waitUntil("the value is revealed", () -> rows(robot).get(0).shownValue().get().equals("rk_live_0000000000000000stripe"));

        robot.clickOn("#secret-rotate");
        robot.interact(() -> robot.lookup("#rotate-value").queryAs(TextField.class).setText("rk_live_1111111111111111stripe"));
        robot.type(KeyCode.ENTER);
        waitUntil("the list shows version 2", () -> rows(robot).size() == 1 && rows(robot).get(0).info().version() == 2);
        assertTrue(onFx(() -> rows(robot).get(0).shownValue().get().startsWith("••••")), "a reload hides revealed values");

        robot.clickOn("STRIPE_KEY");
        robot.clickOn("#secret-history-button");
        waitUntil("the history lists both versions", () -> robot.lookup("#secret-history").tryQuery().isPresent()
                && robot.lookup("#secret-history").queryAs(ListView.class).getItems().size() == 2);
    }

    @Test
    void deleteAsksFirst(FxRobot robot) {
        unlock(robot);
        waitUntil("the secret is listed", () -> rows(robot).size() == 1);
        robot.clickOn("STRIPE_KEY");
        robot.clickOn("#secret-delete");
        robot.clickOn("Cancel");
        assertEquals(1, onFx(() -> rows(robot).size()));
        robot.clickOn("STRIPE_KEY");
        robot.clickOn("#secret-delete");
        robot.clickOn("Delete");
        waitUntil("the secret is gone", () -> rows(robot).isEmpty());
    }

    @SuppressWarnings("unchecked")
    private static TableView<SecretRow> table(FxRobot robot) {
        return robot.lookup("#secrets-table").queryAs(TableView.class);
    }

    /** Every row, filtered or not (the table's items are the filtered view). */
    private static java.util.List<SecretRow> rows(FxRobot robot) {
        javafx.collections.ObservableList<SecretRow> items = table(robot).getItems();
        return items instanceof javafx.collections.transformation.FilteredList<SecretRow> f
                ? java.util.List.copyOf(f.getSource()) : java.util.List.copyOf(items);
    }
}
