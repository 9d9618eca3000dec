package dev.keyward.app.ui.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The browser opener is started by its absolute path, never by a bare name looked up in PATH. */
class SourceOpenerCommandTest {

    private static final URI ADDRESS = URI.create("https://status.example.org/");

    @Test
    void eachPlatformsOpenerIsNamedByItsAbsolutePath() {
        assertEquals(List.of("/usr/bin/xdg-open", ADDRESS.toString()),
                SourceOpener.openerCommand(ADDRESS, "Linux", Map.of(), p -> true).orElseThrow());
        assertEquals(List.of("/usr/bin/open", ADDRESS.toString()),
                SourceOpener.openerCommand(ADDRESS, "Mac OS X", Map.of(), p -> true).orElseThrow());
        List<String> windows = SourceOpener.openerCommand(ADDRESS, "Windows 11", Map.of("SystemRoot", "D:\\Win"),
                p -> true).orElseThrow();
        assertEquals(Path.of("D:\\Win", "System32", "rundll32.exe").toString(), windows.get(0));
    }

    @Test
    void aMissingOpenerIsReportedNotLookedUpInPath() {
        assertTrue(SourceOpener.openerCommand(ADDRESS, "Linux", Map.of(), p -> false).isEmpty());
        assertEquals("/bin/xdg-open", SourceOpener.openerCommand(ADDRESS, "Linux", Map.of(),
                p -> p.toString().equals("/bin/xdg-open")).orElseThrow().get(0));
    }
}
