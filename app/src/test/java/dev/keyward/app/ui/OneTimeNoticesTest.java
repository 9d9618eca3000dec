package dev.keyward.app.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OneTimeNoticesTest {

    @Test
    void aNoticeIsShownOnceAcrossStarts(@TempDir Path dir) {
        Path file = dir.resolve("notices.properties");
        assertTrue(new OneTimeNotices(file).firstTime("no-tray"));
        assertFalse(new OneTimeNotices(file).firstTime("no-tray"), "a later start remembers it");
        assertTrue(new OneTimeNotices(file).firstTime("closed-to-tray"));
    }
}
