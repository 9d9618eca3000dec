package dev.keyward.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The {@code ./keyward} launcher's environment for the desktop app (its {@code desktop_environment}
 * function, run here with real bash): GTK's OpenGL off and two malloc arenas, unless the caller chose.
 */
class LauncherDesktopEnvironmentTest {

    private String environmentAfter(Map<String, String> env) throws Exception {
        String script = Files.readString(Path.of("..").toAbsolutePath().normalize().resolve("keyward"));
        Matcher function = Pattern.compile("(?ms)^desktop_environment\\(\\) \\{.*?^}$").matcher(script);
        assertTrue(function.find(), "the launcher defines desktop_environment");
        ProcessBuilder bash = new ProcessBuilder(List.of("bash", "-c",
                "set -euo pipefail\n" + function.group() + "\ndesktop_environment\necho \"GDK_GL=$GDK_GL MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX\""));
        bash.environment().clear();
        bash.environment().put("PATH", "/usr/bin:/bin");
        bash.environment().putAll(env);
        Process process = bash.redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes()).strip();
        assertEquals(0, process.waitFor(), out);
        return out;
    }

    @Test
    void theDesktopStartsWithGtksOpenGlOffAndTwoMallocArenas() throws Exception {
        assertEquals("GDK_GL=disable MALLOC_ARENA_MAX=2", environmentAfter(Map.of()));
    }

    @Test
    void whatTheCallerSetIsKept() throws Exception {
        assertEquals("GDK_GL=always MALLOC_ARENA_MAX=8",
                environmentAfter(Map.of("GDK_GL", "always", "MALLOC_ARENA_MAX", "8")));
    }
}
