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
        robot.clickOn("#nav-dashboard");
        waitUntil("the dashboard page shows", () -> robot.lookup("#dashboard-page").tryQuery().isPresent());
        save(robot, "dashboard.png");
        robot.clickOn("#nav-discovery");
        waitUntil("the discovery inbox shows", () -> robot.lookup("#discovery-empty").tryQuery().isPresent());
        save(robot, "discovery.png");
        robot.clickOn("#nav-automation");
        waitUntil("the automation page shows", () -> robot.lookup("#automation-page").tryQuery().isPresent());
        save(robot, "automation.png");
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
