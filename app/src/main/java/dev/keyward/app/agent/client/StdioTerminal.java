package dev.keyward.app.agent.client;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the client's stdin and stdout are both a terminal, as {@code System.console()} (with
 * {@code Console.isTerminal()} on JDK 22+) tells. On Linux it is read from where {@code /proc/self/fd}
 * points: {@code System.console()} first looks for console providers among the runtime's modules,
 * which costs the fast path's short-lived JVM more than its whole conversation with the agent.
 */
final class StdioTerminal {

    private static final Path OWN_DESCRIPTORS = Path.of("/proc/self/fd");

    private StdioTerminal() {
    }

    /** True when both stdin and stdout are a terminal. */
    static boolean isTerminal() {
        if (Files.isDirectory(OWN_DESCRIPTORS)) {
            return isTerminalDevice(target(OWN_DESCRIPTORS.resolve("0"))) && isTerminalDevice(target(OWN_DESCRIPTORS.resolve("1")));
        }
        return consoleSaysTerminal();
    }

    /** The JDK's answer: {@code System.console()}, and on JDK 22+ its {@code isTerminal()}. */
    static boolean consoleSaysTerminal() {
        Console console = System.console();
        return console != null && isTerminal(console);
    }

    /** Whether a descriptor pointing at {@code target} (a /proc/self/fd link's target) is a terminal. */
    static boolean isTerminalDevice(String target) {
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    }

    private static String target(Path descriptor) {
        try {
            return Files.readSymbolicLink(descriptor).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return ""; // closed, or unreadable: not a terminal
        }
    }

    /** {@code Console.isTerminal()} where the JDK has it (22+): earlier, a console means a terminal. */
    private static boolean isTerminal(Console console) {
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
