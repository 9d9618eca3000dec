package dev.keyward.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.Main;
import dev.keyward.vault.crypto.Argon2Params;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command that dies of an {@link Error} (a JDK class missing from the packaged runtime, a stack overflow, memory)
 * still ends with one worded line and an exit code: picocli passes only exceptions to the CLI's handler.
 */
class UnexpectedErrorCliTest {

    @Test
    void anErrorInsideACommandIsOneSentenceNotAStackTrace(@TempDir Path dataDir) {
        CliRunner.withProfile(dataDir, "correct horse battery staple");
        InputStream failing = new InputStream() {
            @Override
            public int read() {
                throw new NoClassDefFoundError("java/lang/management/ManagementFactory");
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Main.run(new String[] {"--data-dir", dataDir.toString(), "secret", "add", "broken", "--value-stdin"},
                failing, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("KEYWARD_PASSWORD", "correct horse battery staple"), null, Argon2Params.FLOOR);

        String printed = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, printed);
        assertEquals(1, printed.lines().count(), printed);
        assertTrue(printed.startsWith("keyward: An unexpected error stopped the command (NoClassDefFoundError)."),
                printed);
        assertFalse(printed.contains("\tat "), printed);
    }
}
