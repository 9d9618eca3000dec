package dev.keyward.app.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Builds a {@link ClientProcess} from {@code /proc/<pid>/}: the program, command line, working folder,
 * session id and controlling terminal. A fact that cannot be read (another OS, the process exited,
 * no pid from the kernel) stays empty.
 */
final class ClientProcesses {

    private static final Path PROC = Path.of("/proc");

    private ClientProcesses() {
    }

    /** The facts about the peer {@code peer}; with no pid only its uid is known. */
    static ClientProcess describe(PeerCredentials.Peer peer) {
        if (peer.pid().isEmpty()) {
            return new ClientProcess(0, peer.uid(), Optional.empty(), List.of(), Optional.empty(), OptionalLong.empty(),
                    Optional.empty());
        }
        long pid = peer.pid().getAsLong();
        Path dir = PROC.resolve(Long.toString(pid));
        Optional<Stat> stat = stat(dir);
        return new ClientProcess(pid, peer.uid(), link(dir.resolve("exe")), commandLine(dir), link(dir.resolve("cwd")),
                stat.map(s -> OptionalLong.of(s.session())).orElse(OptionalLong.empty()),
                stat.flatMap(s -> terminalName(s.ttyNr())));
    }

    /** Fields 6 (session) and 7 (tty_nr) of {@code stat}, counted after the command name in parentheses. */
    record Stat(long session, int ttyNr) {
    }

    static Optional<Stat> stat(Path dir) {
        try {
            return parseStat(Files.readString(dir.resolve("stat"), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Parses a stat line; the command name may hold spaces and parentheses, so fields start after the last ')'. */
    static Optional<Stat> parseStat(String line) {
        int close = line.lastIndexOf(')');
        if (close < 0) {
            return Optional.empty();
        }
        String[] fields = line.substring(close + 1).trim().split(" ");
        // fields[0] is field 3 (state): session is field 6, tty_nr field 7.
        if (fields.length < 5) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Stat(Long.parseLong(fields[3]), Integer.parseInt(fields[4])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The device path of a {@code tty_nr} (see proc(5)): the major number is bits 8-15, the minor bits
     * 0-7 and 20-31. Pseudo-terminals (majors 136-143) are {@code /dev/pts/N}, virtual consoles (major 4,
     * minors below 64) {@code /dev/ttyN}; 0 is no controlling terminal.
     */
    static Optional<String> terminalName(int ttyNr) {
        if (ttyNr == 0) {
            return Optional.empty();
        }
        int major = (ttyNr >> 8) & 0xff;
        int minor = (ttyNr & 0xff) | ((ttyNr >>> 12) & 0xfff00);
        if (major >= 136 && major <= 143) {
            return Optional.of("/dev/pts/" + ((major - 136) * 256 + minor));
        }
        if (major == 4 && minor < 64) {
            return Optional.of("/dev/tty" + minor);
        }
        return Optional.of("tty " + major + ":" + minor);
    }

    private static Optional<Path> link(Path link) {
        try {
            return Optional.of(Files.readSymbolicLink(link));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<String> commandLine(Path dir) {
        try {
            byte[] raw = Files.readAllBytes(dir.resolve("cmdline"));
            List<String> args = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] == 0) {
                    args.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            if (start < raw.length) {
                args.add(new String(raw, start, raw.length - start, StandardCharsets.UTF_8));
            }
            return args;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
