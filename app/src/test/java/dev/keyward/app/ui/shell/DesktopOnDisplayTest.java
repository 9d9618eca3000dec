package dev.keyward.app.ui.shell;

import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static dev.keyward.app.ui.DesktopTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.ui.DesktopTestKit;
import dev.keyward.app.ui.Theme;
import dev.keyward.vault.profile.ProfileSummary;
import dev.keyward.vault.session.VaultSession;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.TableView;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Starts the real app on a real display (a desktop, or xvfb-run) and saves screenshots of its
 * main screens to target/screenshots/. Skipped where there is no display.
 */
class DesktopOnDisplayTest extends ShellTestBase {

    static final Path SHOTS = Path.of("target", "screenshots");

    @BeforeAll
    static void needsADisplay() {
        Assumptions.assumeTrue(System.getenv("DISPLAY") != null, "no DISPLAY: run under xvfb-run to take screenshots");
        Assumptions.assumeFalse("Monocle".equals(System.getProperty("glass.platform")), "headless run: no real display");
    }

    @Start
    void start(Stage stage) throws Exception {
        startShell(stage);
    }

    @Override
    void prepare() {
        ProfileSummary p = DesktopTestKit.createProfile(profiles, "work");
        DesktopTestKit.createProfile(profiles, "side-project");
        try (VaultSession s = DesktopTestKit.open(profiles, p)) {
            s.secrets().add("OPENAI_API_KEY", "sk-proj-abcdefghijklmnopqrstuvwxyz0123".toCharArray(), null);
            s.secrets().add("STRIPE_SECRET", "rk_live_0000000000000000stripe".toCharArray(), null);
            s.secrets().add("DATABASE_URL", "postgres://app@localhost/app".toCharArray(), null);
            s.projects().create("api", "the API server");
            s.projects().link("api", "OPENAI_API_KEY", "OPENAI_API_KEY");
        }
    }

    @Test
    void unlockScreenAndMainWindowRenderOnARealDisplay(FxRobot robot) throws Exception {
        waitUntil("the unlock screen shows", () -> robot.lookup("#unlock-password").tryQuery().isPresent());
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<ProfileSummary> picker = robot.lookup("#profile-picker").queryAs(javafx.scene.control.ComboBox.class);
            picker.getItems().stream().filter(p -> p.name().equals("work")).findFirst().ifPresent(picker::setValue);
        });
        save(robot, "unlock.png");
        unlock(robot);
        waitUntil("the secrets are listed", () -> robot.lookup("#secrets-table").queryAs(TableView.class).getItems().size() == 3);
        save(robot, "main-window.png");
        robot.clickOn("#nav-settings");
        save(robot, "settings.png");
        // The three automation pages at the window's minimum size first (the dashboard still off), then the default.
        resize(720, 480);
        robot.clickOn("#nav-dashboard");
        waitUntil("the dashboard page shows", () -> robot.lookup("#dashboard-empty-title").tryQuery().isPresent());
        save(robot, "dashboard-off-720x480.png");
        // The dashboard's layout at this size is not fixed yet (see the uipolish report): shots only, no check.
        java.util.List<String> cut = new java.util.ArrayList<>();
        robot.clickOn("#dashboard-enable");
        waitUntil("the dashboard shows its cards", () -> robot.lookup("#dashboard-cards").tryQuery().isPresent());
        robot.clickOn("#card-OPENAI_API_KEY");
        for (String size : new String[] {"720x480", "1000x680"}) {
            String[] wh = size.split("x");
            resize(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
            robot.clickOn("#nav-dashboard");
            waitUntil("the dashboard shows its cards", () -> robot.lookup("#dashboard-cards").tryQuery().isPresent());
            save(robot, "dashboard-" + size + ".png");
            robot.clickOn("#nav-discovery");
            waitUntil("the discovery inbox shows", () -> robot.lookup("#discovery-empty").tryQuery().isPresent());
            save(robot, "discovery-" + size + ".png");
            cut.addAll(truncated(robot, "#discovery-page", size));
            robot.clickOn("#nav-automation");
            waitUntil("the automation page shows", () -> robot.lookup("#program-table").tryQuery().isPresent());
            if (onFx(() -> robot.lookup("#program-table").queryAs(TableView.class).getItems().isEmpty())) {
                files.answer(sample("rotate-api-key.json"));
                robot.clickOn("#program-import");
                waitUntil("the imported program is reviewed",
                        () -> robot.lookup("#review-steps").queryAs(TableView.class).getItems().size() > 0);
            }
            save(robot, "automation-" + size + ".png");
            cut.addAll(truncated(robot, "#automation-page", size));
        }
        onFx(() -> {
            Theme.DARK.apply();
            return null;
        });
        robot.clickOn("#nav-dashboard");
        save(robot, "dashboard-dark.png");
        robot.clickOn("#nav-discovery");
        save(robot, "discovery-dark.png");
        onFx(() -> {
            Theme.LIGHT.apply();
            return null;
        });
        onFx(() -> {
            Theme.DARK.apply();
            return null;
        });
        robot.clickOn("#nav-secrets");
        save(robot, "main-window-dark.png");
        onFx(() -> {
            Theme.LIGHT.apply();
            return null;
        });
        assertTrue(Files.size(SHOTS.resolve("main-window.png")) > 0);
        assertTrue(cut.isEmpty(), "texts cut short on the automation pages: " + cut);
    }

    /**
     * The buttons, labels and column headers under {@code pageId} whose text is drawn shortened ("Gen...")
     * or that are narrower than their text; wrapped text and text fields are not labeled controls.
     */
    private static java.util.List<String> truncated(FxRobot robot, String pageId, String size) {
        return onFx(() -> {
            java.util.List<String> out = new java.util.ArrayList<>();
            javafx.scene.Node page = robot.lookup(pageId).query();
            collectTruncated(page, size, out);
            return out;
        });
    }

    private static void collectTruncated(javafx.scene.Node node, String size, java.util.List<String> out) {
        if (!node.isVisible() || node instanceof javafx.scene.control.IndexedCell<?>) {
            // Table and list cells show data, cut by the column's width the user chose.
            return;
        }
        if (node instanceof javafx.scene.control.Labeled labeled && labeled.getText() != null
                && !labeled.getText().isBlank() && labeled.getGraphic() == null) {
            String wanted = labeled.isMnemonicParsing() ? labeled.getText().replaceFirst("_", "") : labeled.getText();
            javafx.scene.Node drawn = labeled.lookup(".text");
            if (drawn instanceof javafx.scene.text.Text text && text.getText() != null
                    && !text.getText().replace("\n", " ").replaceAll("\\s+", " ").strip()
                            .equals(wanted.replace("\n", " ").replaceAll("\\s+", " ").strip())) {
                out.add(size + " " + labeled.getClass().getSimpleName() + " '" + wanted + "' shown as '" + text.getText() + "'");
            }
        }
        if (node instanceof javafx.scene.Parent parent) {
            for (javafx.scene.Node child : parent.getChildrenUnmodifiable()) {
                collectTruncated(child, size, out);
            }
        }
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
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300); // let the window paint before reading the screen
        Rectangle2D bounds = onFx(() -> new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()));
        Image image = robot.capture(bounds).getImage();
        Files.createDirectories(SHOTS);
        ImageIO.write(toBuffered(image), "png", SHOTS.resolve(name).toFile());
    }

    private static BufferedImage toBuffered(Image image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return out;
    }
}
