package dev.keyward.app.agent.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The client's terminal test agrees with {@code System.console()}, on a pipe and on a real pseudo-terminal. */
class StdioTerminalTest {

    /** Prints both answers, for the pseudo-terminal case. */
    public static void main(String[] args) {
        System.out.println("ours=" + StdioTerminal.isTerminal() + " jdk=" + StdioTerminal.consoleSaysTerminal());
    }

    @Test
    void terminalDevicesAreToldFromFilesAndPipes() {
        assertTrue(StdioTerminal.isTerminalDevice("/dev/pts/3"));
        assertTrue(StdioTerminal.isTerminalDevice("/dev/tty1"));
        assertFalse(StdioTerminal.isTerminalDevice("/dev/null"));
        assertFalse(StdioTerminal.isTerminalDevice("pipe:[48213]"));
        assertFalse(StdioTerminal.isTerminalDevice("/home/me/out.txt"));
        assertFalse(StdioTerminal.isTerminalDevice(""));
    }

    @Test
    void underTheTestRunnerBothSayNoTerminal() {
        assertEquals(StdioTerminal.consoleSaysTerminal(), StdioTerminal.isTerminal());
    }

    @Test
    void onAPseudoTerminalBothSayTerminal() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script gives a real pseudo-terminal");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = java + " -cp " + System.getProperty("java.class.path") + " " + StdioTerminalTest.class.getName();
        ProcessBuilder builder = new ProcessBuilder(List.of("/usr/bin/script", "-qec", command, "/dev/null"));
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process process = builder.redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertTrue(out.contains("ours=true jdk=true"), out);
    }
}
