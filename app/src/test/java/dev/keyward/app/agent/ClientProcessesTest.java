package dev.keyward.app.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** What the agent learns about a client from /proc, and how it names its terminal. */
class ClientProcessesTest {

    @Test
    void sessionAndTerminalAreReadAfterTheLastParenthesisOfTheCommandName() {
        String line = "4242 (evil) 1 2 3 (x) S 4000 4242 4100 34817 4242 4194304 0 0";
        assertEquals(Optional.of(new ClientProcesses.Stat(4100, 34817)), ClientProcesses.parseStat(line));
        assertEquals(Optional.empty(), ClientProcesses.parseStat("garbage"));
    }

    @Test
    void terminalNumbersAreNamedAsTheirDevices() {
        assertEquals(Optional.empty(), ClientProcesses.terminalName(0));
        assertEquals(Optional.of("/dev/pts/1"), ClientProcesses.terminalName((136 << 8) | 1));
        assertEquals(Optional.of("/dev/pts/300"), ClientProcesses.terminalName((137 << 8) | 44));
        // minor 300 of major 136: low 8 bits in 0-7, the rest in bits 20-31
        assertEquals(Optional.of("/dev/pts/300"), ClientProcesses.terminalName((136 << 8) | (300 & 0xff) | ((300 >> 8) << 20)));
        assertEquals(Optional.of("/dev/tty2"), ClientProcesses.terminalName((4 << 8) | 2));
    }

    @Test
    void aLiveProcessIsDescribedFromProc() {
        Assumptions.assumeTrue(Path.of("/proc/self/stat").toFile().exists(), "needs /proc (Linux)");
        long pid = ProcessHandle.current().pid();
        ClientProcess me = ClientProcesses.describe(new PeerCredentials.Peer(PeerCredentials.ownUid(), OptionalLong.of(pid)));
        assertEquals(pid, me.pid());
        assertEquals(Optional.of(Path.of("").toAbsolutePath()), me.workingFolder());
        assertTrue(me.executable().orElseThrow().toString().endsWith("java"), me.executable().toString());
        assertTrue(me.commandLine().size() > 1);
        assertTrue(me.sessionId().isPresent());
    }

    @Test
    void withoutAPidOnlyTheUserIsKnownAndNoTerminalSessionIsOffered() {
        ClientProcess unknown = ClientProcesses.describe(new PeerCredentials.Peer(1000, OptionalLong.empty()));
        assertEquals(Optional.empty(), unknown.terminalSession());
        assertEquals(Optional.empty(), unknown.executable());
    }
}
