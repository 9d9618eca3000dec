package dev.keyward.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The {@code ./keyward} launcher's JVM flags for the desktop ({@code desktop_jvm}) with the tray rest's
 * pass: a child JVM started with exactly those flags holds 64 MiB, lets it go and rests once; the heap it
 * keeps committed afterwards is a fraction of what it grew to. Sizes, not timings: the serial collector's
 * resizing after a full collection is arithmetic on the live size and the flags.
 */
class LauncherDesktopHeapTest {

    private static final long MIB = 1024 * 1024;

    private static List<String> desktopJvmFlags() throws Exception {
        String script = Files.readString(Path.of("..").toAbsolutePath().normalize().resolve("keyward"));
        Matcher flags = Pattern.compile("(?m)^desktop_jvm=\\(([^)]*)\\)$").matcher(script);
        assertTrue(flags.find(), "the launcher sets desktop_jvm");
        return Arrays.asList(flags.group(1).trim().split("\\s+"));
    }

    @Test
    void aRestInTheTrayGivesTheHeapBackAtItsFirstFullCollection() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(desktopJvmFlags());
        command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "dev.keyward.app.ui.shell.RestHeapProbe"));
        Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(probe.getInputStream().readAllBytes());
        assertEquals(0, probe.waitFor(), out);
        Matcher sizes = Pattern.compile("(?m)^committed (\\d+) (\\d+)$").matcher(out);
        assertTrue(sizes.find(), out);
        long grown = Long.parseLong(sizes.group(1));
        long rested = Long.parseLong(sizes.group(2));
        assertTrue(grown >= 64 * MIB, "the heap grew to hold 64 MiB: " + out);
        // With the collector's default stepwise shrinking, the first full collection gives back nothing.
        assertTrue(rested <= 32 * MIB, "after the rest the heap keeps " + rested / MIB + " MiB committed of the "
                + grown / MIB + " MiB it grew to: " + out);
    }
}
