package dev.keyward.app.ui.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.Main;
import dev.keyward.vault.crypto.Argon2Params;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code keyward demo --open} refuses plainly where no desktop display exists, before it creates anything. */
class DemoOpenOptionTest {

    @TempDir
    Path data;

    @Test
    @EnabledOnOs(OS.LINUX)
    void openWithoutADisplaySaysWhatToDoAndCreatesNoDemo() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path demo = data.resolve("demo-data");
        int code = Main.run(new String[] {"--data-dir", data.toString(), "demo", "--open", "--demo-dir", demo.toString()},
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), null, Argon2Params.FLOOR);
        String error = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, error);
        assertTrue(error.contains("--open needs a desktop display") && error.contains("without --open"), error);
        assertFalse(Files.exists(demo), "no demo profile was made");
    }
}
