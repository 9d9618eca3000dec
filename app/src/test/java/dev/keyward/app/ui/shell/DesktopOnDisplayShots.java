package dev.keyward.app.ui.shell;

import static dev.keyward.app.ui.DesktopTestKit.onFx;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/** Screenshots of the real window for a person to look at, saved to target/screenshots/. */
final class DesktopOnDisplayShots {

    static final Path SHOTS = Path.of("target", "screenshots");

    private DesktopOnDisplayShots() {
    }

    static void save(FxRobot robot, Stage stage, String name) throws Exception {
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
