package dev.keyward.app.agent;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Agent requests as the server would build them from the kernel's facts, and a clock tests move by hand. */
public final class Requests {

    private Requests() {
    }

    /** A client in terminal session {@code sessionId} on {@code tty}, running {@code keyward argv...}. */
    public static ClientProcess inTerminal(long pid, long sessionId, String tty, String... argv) {
        return new ClientProcess(pid, 1000, Optional.of(Path.of("/usr/lib/jvm/bin/java")), commandLine(argv),
                Optional.of(Path.of("/home/ada/app")), OptionalLong.of(sessionId), Optional.of(tty));
    }

    /** A client with no controlling terminal (a cron job, a daemon): no terminal-session grant is possible. */
    public static ClientProcess withoutTerminal(long pid, String... argv) {
        return new ClientProcess(pid, 1000, Optional.of(Path.of("/usr/lib/jvm/bin/java")), commandLine(argv),
                Optional.of(Path.of("/srv/job")), OptionalLong.of(pid), Optional.empty());
    }

    private static List<String> commandLine(String... argv) {
        List<String> line = new java.util.ArrayList<>(List.of("/usr/lib/jvm/bin/java", "-cp", "/opt/keyward/lib/*",
                "dev.keyward.app.Main"));
        line.addAll(List.of(argv));
        return line;
    }

    /** {@code secret get NAME} from {@code client}. */
    public static AccessRequest reveal(ClientProcess client, String secret) {
        return new AccessRequest(client, List.of("secret", "get", secret), AccessRequest.Access.REVEAL,
                Optional.empty(), List.of(secret));
    }

    /** {@code run --project P -- make} from {@code client}. */
    public static AccessRequest runProject(ClientProcess client, String project) {
        return new AccessRequest(client, List.of("run", "--project", project, "--", "make"), AccessRequest.Access.REVEAL,
                Optional.of(project), List.of());
    }

    /** {@code secret add NAME} (value from stdin) from {@code client}. */
    public static AccessRequest change(ClientProcess client, String secret) {
        return new AccessRequest(client, List.of("secret", "add", secret), AccessRequest.Access.CHANGE,
                Optional.empty(), List.of(secret));
    }
}
