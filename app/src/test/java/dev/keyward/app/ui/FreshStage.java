package dev.keyward.app.ui;

import javafx.stage.Stage;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxToolkit;

/**
 * Puts TestFX's shared primary stage back the way a fresh stage is, before each desktop test.
 *
 * <p>TestFX hands every test class in the JVM the same primary stage and only hides it between
 * tests. What a class leaves on it stays: the shell's minimum size (720 x 480), its close handler
 * and title, and above all an explicit width and height. JavaFX sets those itself when a minimum
 * size clamps a smaller window (a 300 x 200 dialog-test stage becomes 720 x 480), and an explicit size
 * wins over every later scene's size, so each later class ran in the minimum window, whatever it
 * asked for. The look is a JVM-wide setting too: the light theme is put back.
 */
public final class FreshStage implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(FreshStage::reset);
    }

    /** Forgets what earlier tests set on {@code stage}; runs on the JavaFX thread while it is hidden. */
    static void reset(Stage stage) {
        if (stage.isShowing()) {
            stage.hide();
        }
        stage.setFullScreen(false);
        stage.setMaximized(false);
        stage.setIconified(false);
        stage.setResizable(true);
        stage.setMinWidth(0);
        stage.setMinHeight(0);
        stage.setMaxWidth(Double.MAX_VALUE);
        stage.setMaxHeight(Double.MAX_VALUE);
        stage.setTitle(null);
        stage.setOnCloseRequest(null);
        stage.getIcons().clear();
        // The next show takes its size from the scene the test sets, not from an earlier explicit size.
        stage.sizeToScene();
        Theme.LIGHT.apply();
    }
}
