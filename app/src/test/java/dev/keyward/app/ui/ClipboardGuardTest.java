package dev.keyward.app.ui;

import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

@DesktopTest
class ClipboardGuardTest {

    @Start
    void start(Stage stage) {
        // The clipboard needs a running toolkit, not a window.
    }

    @Test
    void clearsWhatItCopied() {
        String left = onFx(() -> {
            ClipboardGuard guard = new ClipboardGuard(Clipboard.getSystemClipboard());
            guard.copy("sk-secret-value".toCharArray(), Duration.hours(1));
            guard.clearIfOurs();
            return Clipboard.getSystemClipboard().hasString() ? Clipboard.getSystemClipboard().getString() : null;
        });
        assertEquals(null, left);
    }

    @Test
    void leavesAloneWhatTheUserCopiedSince() {
        String left = onFx(() -> {
            ClipboardGuard guard = new ClipboardGuard(Clipboard.getSystemClipboard());
            guard.copy("sk-secret-value".toCharArray(), Duration.hours(1));
            ClipboardContent mine = new ClipboardContent();
            mine.putString("the user's own text");
            Clipboard.getSystemClipboard().setContent(mine);
            guard.clearIfOurs();
            assertFalse(guard.isPending());
            return Clipboard.getSystemClipboard().getString();
        });
        assertEquals("the user's own text", left);
    }
}
