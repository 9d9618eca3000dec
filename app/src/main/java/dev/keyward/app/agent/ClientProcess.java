package dev.keyward.app.agent;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The process at the other end of an agent connection, as the operating system reports it: the
 * kernel's peer credentials and {@code /proc}, never anything the client says about itself. A fact
 * the system does not give (another OS, a process that already exited) is empty, and approvals that
 * need it (a grant for a terminal session) are then not offered.
 *
 * @param pid            the peer's process id
 * @param uid            the peer's user id (the agent serves only its own user)
 * @param executable     the program file the process runs ({@code /proc/PID/exe})
 * @param commandLine    its arguments as the kernel holds them ({@code /proc/PID/cmdline})
 * @param workingFolder  its current folder ({@code /proc/PID/cwd})
 * @param sessionId      the terminal session it belongs to ({@code getsid}, field 6 of {@code /proc/PID/stat})
 * @param controllingTty its controlling terminal, such as {@code /dev/pts/3} (field 7 of {@code /proc/PID/stat})
 */
public record ClientProcess(long pid, int uid, Optional<Path> executable, List<String> commandLine,
                            Optional<Path> workingFolder, OptionalLong sessionId, Optional<String> controllingTty) {

    public ClientProcess {
        Objects.requireNonNull(executable, "executable");
        commandLine = List.copyOf(commandLine);
        Objects.requireNonNull(workingFolder, "workingFolder");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(controllingTty, "controllingTty");
    }

    /** The terminal session this process runs in, when the system says which: the unit of a timed grant. */
    public Optional<TerminalSession> terminalSession() {
        if (sessionId.isEmpty() || controllingTty.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TerminalSession(uid, sessionId.getAsLong(), controllingTty.get()));
    }

    /** A login or terminal session as the kernel identifies it: its session id and controlling terminal. */
    public record TerminalSession(int uid, long sessionId, String controllingTty) {
    }
}
