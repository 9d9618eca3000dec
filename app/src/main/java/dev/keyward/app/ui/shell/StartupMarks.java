package dev.keyward.app.ui.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Notes when the unlock screen and the main window are first laid out for a frame, for the start-up
 * benchmark ({@code bench/desktop-startup.sh}); only when the system property
 * {@code keyward.startup.marks} names a file, so a normal start writes nothing.
 */
final class StartupMarks {

    private static final String FILE = System.getProperty("keyward.startup.marks");

    private StartupMarks() {
    }

    /** Notes {@code what} when {@code scene}'s next frame has been laid out (the view shown is in it). */
    static void onNextFrame(Scene scene, String what) {
        if (FILE == null || scene == null) {
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            write(what);
            // Not from inside the pulse's own loop over its listeners.
            Platform.runLater(() -> scene.removePostLayoutPulseListener(once[0]));
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    /** Notes {@code what} now. */
    static void now(String what) {
        if (FILE != null) {
            write(what);
        }
    }

    private static void write(String what) {
        try {
            Files.writeString(Path.of(FILE), what + " " + System.currentTimeMillis() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // Only a benchmark's figure is lost.
        }
    }
}
