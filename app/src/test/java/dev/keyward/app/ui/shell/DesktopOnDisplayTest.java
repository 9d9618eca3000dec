package dev.keyward.app.ui.shell;

import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static dev.keyward.app.ui.DesktopTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.ui.CutTexts;
import dev.keyward.app.ui.DesktopTestKit;
import dev.keyward.app.ui.Theme;
import dev.keyward.vault.profile.ProfileSummary;
import dev.keyward.vault.session.VaultSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import com.sun.net.httpserver.HttpServer;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Starts the real app on a real display (a desktop, or xvfb-run), visits every page and dialog at the
 * minimum and the default window size, light and dark, with the dashboard off and after a failed
 * refresh, and fails on any text a person cannot read whole. Screenshots go to target/screenshots/.
 * Skipped where there is no display.
 */
class DesktopOnDisplayTest extends ShellTestBase {

    static final Path SHOTS = DesktopOnDisplayShots.SHOTS;

    @BeforeAll
    static void needsADisplay() {
        Assumptions.assumeTrue(System.getenv("DISPLAY") != null, "no DISPLAY: run under xvfb-run to take screenshots");
        Assumptions.assumeFalse("Monocle".equals(System.getProperty("glass.platform")), "headless run: no real display");
    }

    @Start
    void start(Stage stage) throws Exception {
        startShell(stage);
    }

    /** A provider API on loopback that fails every request with a long explanation. */
    private HttpServer failing;

    /** Folders for the Scan page: a copy of a vault value in a config file and a .env file to adopt. */
    @org.junit.jupiter.api.io.TempDir
    Path scanTree;

    @Override
    void prepare() throws Exception {
        failing = FailingProvider.start();
        ProfileSummary p = DesktopTestKit.createProfile(profiles, "work");
        DesktopTestKit.createProfile(profiles, "side-project");
        try (VaultSession s = DesktopTestKit.open(profiles, p)) {
            s.secrets().add("OPENAI_API_KEY", "sk-proj-abcdefghijklmnopqrstuvwxyz0123".toCharArray(), null);
            s.secrets().add("STRIPE_SECRET", "rk_live_0000000000000000stripe".toCharArray(), null);
            s.secrets().add("DATABASE_URL", "postgres://app@localhost/app".toCharArray(), null);
            s.secrets().add("PRACTICE_CLOUD_PRODUCTION_BILLING_KEY", "pc_test_0000000000000000000000ondisplay".toCharArray(),
                    "practice-cloud");
            s.projects().create("api", "the API server");
            s.projects().link("api", "OPENAI_API_KEY", "OPENAI_API_KEY");
            FailingProvider.pointEveryProviderAt(s, failing);
        }
        Path config = Files.createDirectories(scanTree.resolve("payments-service/config/production"));
        Files.writeString(config.resolve("settings.json"), "{\"openai\": \"sk-proj-abcdefghijklmnopqrstuvwxyz0123\"}\n");
        Files.writeString(scanTree.resolve("payments-service/.env"), "OPENAI_API_KEY=sk-proj-abcdefghijklmnopqrstuvwxyz0123\n"
                + "STRIPE_WEBHOOK_SECRET=whsec_0123456789abcdefghijklmnop\n");
    }

    @AfterEach
    void stopFailingProvider() {
        if (failing != null) {
            failing.stop(0);
        }
    }

    private static final String[] SIZES = {"720x480", "1000x680"};

    @Test
    void everyViewAndDialogShowsItsTextsWholeAtTheMinimumAndDefaultSize(FxRobot robot) throws Exception {
        List<String> cut = new ArrayList<>();
        waitUntil("the unlock screen shows", () -> robot.lookup("#unlock-password").tryQuery().isPresent());
        // A person at the keyboard types the password first: the field has the focus when the window shows.
        javafx.scene.Node field = robot.lookup("#unlock-password").query();
        waitUntil("the password field has the focus (it is " + field.getScene().getFocusOwner() + ", window focused: "
                + field.getScene().getWindow().isFocused() + ")", () -> field.getScene().getFocusOwner() == field);
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<ProfileSummary> picker = robot.lookup("#profile-picker").queryAs(javafx.scene.control.ComboBox.class);
            picker.getItems().stream().filter(p -> p.name().equals("work")).findFirst().ifPresent(picker::setValue);
        });
        robot.clickOn("#unlock-password").write("not the password").type(KeyCode.ENTER);
        waitUntil("the wrong password is told", () -> !robot.lookup("#unlock-message").queryAs(Labeled.class).getText().isEmpty());
        for (String size : SIZES) {
            resize(size);
            save(robot, "unlock-" + size + ".png");
            cut.addAll(cutTexts("unlock screen " + size));
        }
        resize("1000x680");
        robot.interact(() -> robot.lookup("#unlock-password").queryAs(javafx.scene.control.PasswordField.class).clear());
        unlock(robot);
        waitUntil("the secrets are listed", () -> robot.lookup("#secrets-table").queryAs(TableView.class).getItems().size() == 4);
        save(robot, "main-window.png");

        // Pointing the providers at loopback switched automation on; the first-run test sees every page with it off.
        // A refresh against a provider that fails every request with a long sentence:
        robot.clickOn("#nav-dashboard");
        waitUntil("the dashboard shows its cards", () -> robot.lookup("#dashboard-cards").tryQuery().isPresent()
                && !robot.lookup("#dashboard-refresh").queryAs(Button.class).isDisabled());
        robot.clickOn("#dashboard-refresh");
        waitUntil("the failed refresh is told", () -> {
            String said = robot.lookup("#dashboard-status").queryAs(Labeled.class).getText();
            return !said.isEmpty() && !said.startsWith("Refreshing every key");
        });
        waitUntil("the cards show the failed collections", () -> DesktopTestKit.allVisibleText().contains("Collection failed"));
        robot.clickOn("#card-PRACTICE_CLOUD_PRODUCTION_BILLING_KEY");
        cut.addAll(everyPage(robot, "light, failed refresh", "failed"));

        onFx(() -> {
            Theme.DARK.apply();
            return null;
        });
        cut.addAll(everyPage(robot, "dark, failed refresh", "dark"));
        onFx(() -> {
            Theme.LIGHT.apply();
            return null;
        });

        // Every dialog, at the main window's minimum size.
        resize("720x480");
        robot.clickOn("#nav-secrets");
        robot.clickOn("DATABASE_URL");
        for (String button : new String[] {"#secret-add", "#secret-edit", "#secret-rotate", "#secret-history-button", "#secret-delete"}) {
            cut.addAll(dialog(robot, button));
        }
        robot.clickOn("#nav-projects");
        waitUntil("the projects page shows", () -> robot.lookup("#projects-page").tryQuery().isPresent());
        for (String button : new String[] {"#project-create", "#project-link"}) {
            cut.addAll(dialog(robot, button));
        }
        robot.clickOn("#nav-scan");
        robot.interact(() -> {
            javafx.scene.control.TreeView<?> results = robot.lookup("#scan-results").queryAs(javafx.scene.control.TreeView.class);
            for (int i = 0; i < results.getExpandedItemCount(); i++) {
                if (String.valueOf(results.getTreeItem(i).getValue()).contains("to move into project")) {
                    results.getSelectionModel().select(i);
                }
            }
            robot.lookup("#scan-adopt").query().requestFocus(); // the page scrolls it into sight, as Tab would
        });
        save(robot, "scan-results-720x480.png");
        cut.addAll(dialog(robot, "#scan-adopt"));
        assertTrue(Files.size(SHOTS.resolve("main-window.png")) > 0);
        assertTrue(cut.isEmpty(), "texts cut short:\n" + String.join("\n", cut));
    }

    /** Visits every page at both sizes; returns what is cut. */
    private List<String> everyPage(FxRobot robot, String when, String shot) throws Exception {
        List<String> cut = new ArrayList<>();
        for (String size : SIZES) {
            resize(size);
            for (PageKind kind : PageKind.values()) {
                robot.clickOn("#" + kind.navId());
                waitUntil(kind + " shows", () -> robot.lookup("#page-content").tryQuery().isPresent());
                if (kind == PageKind.AUTOMATION) {
                    waitUntil("the automation page shows", () -> robot.lookup("#program-table").tryQuery().isPresent());
                    if (onFx(() -> robot.lookup("#program-table").queryAs(TableView.class).getItems().isEmpty())) {
                        files.answer(sample("rotate-api-key.json"));
                        robot.clickOn("#program-import");
                        waitUntil("the imported program is reviewed",
                                () -> robot.lookup("#review-steps").queryAs(TableView.class).getItems().size() > 0);
                    }
                }
                if (kind == PageKind.SCAN && onFx(() -> robot.lookup("#scan-folders").queryListView().getItems().isEmpty())) {
                    files.answer(scanTree);
                    robot.clickOn("#scan-add-folder");
                    robot.clickOn("#scan-start");
                    waitUntil("the scan shows its results", () -> robot.lookup("#scan-status").queryAs(Labeled.class)
                            .getText().startsWith("Scan finished"));
                }
                save(robot, kind.navId() + "-" + shot + "-" + size + ".png");
                cut.addAll(cutTexts(kind.title() + " " + when + " " + size));
            }
        }
        return cut;
    }

    /** Opens the dialog behind {@code button}, reads it, and closes it. */
    private List<String> dialog(FxRobot robot, String button) throws Exception {
        int before = onFx(() -> Window.getWindows().size());
        robot.clickOn(button);
        waitUntil("the dialog of " + button + " opens", () -> Window.getWindows().size() > before);
        save(robot, "dialog-" + button.substring(1) + ".png");
        List<String> cut = cutTexts("dialog " + button);
        onFx(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w != stage && w instanceof Stage s) {
                    s.close();
                }
            }
            return null;
        });
        waitUntil("the dialog of " + button + " closed", () -> Window.getWindows().size() == before);
        return cut;
    }

    private static List<String> cutTexts(String where) {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        return onFx(() -> CutTexts.inOpenWindows(where));
    }

    private void resize(String size) {
        String[] wh = size.split("x");
        resize(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    private void resize(int width, int height) {
        onFx(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
            return null;
        });
    }

    /** A copy of a sample program from the repository's samples/programs. */
    private Path sample(String name) throws java.io.IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("samples/programs"))) {
            dir = dir.getParent();
        }
        return Files.copy(dir.resolve("samples/programs/" + name), dataDir.resolve(name),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private void save(FxRobot robot, String name) throws Exception {
        DesktopOnDisplayShots.save(robot, stage, name);
    }
}
