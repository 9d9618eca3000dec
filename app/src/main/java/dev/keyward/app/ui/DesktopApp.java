package dev.keyward.app.ui;

import dev.keyward.app.ui.shell.DesktopShell;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The JavaFX application: builds the desktop shell on the primary stage. */
public final class DesktopApp extends Application {

    private static final AtomicReference<DesktopServices> PREPARED = new AtomicReference<>();
    private static final AtomicReference<DesktopShell> RUNNING = new AtomicReference<>();

    /** Hands the services to the next {@link #start}; JavaFX creates this class itself. */
    static void prepare(DesktopServices services) {
        PREPARED.set(services);
    }

    /** Brings the running window forward (from any thread). */
    static void showRunningWindow() {
        Platform.runLater(() -> {
            DesktopShell shell = RUNNING.get();
            if (shell != null) {
                shell.bringToFront();
            }
        });
    }

    @Override
    public void start(Stage stage) {
        DesktopServices services = PREPARED.get();
        if (services == null) {
            throw new IllegalStateException("DesktopLauncher.launch prepares the services before JavaFX starts");
        }
        DesktopShell shell = new DesktopShell(stage, services);
        RUNNING.set(shell);
        shell.start();
    }

    @Override
    public void stop() {
        DesktopShell shell = RUNNING.getAndSet(null);
        if (shell != null) {
            shell.quit();
        }
    }
}
