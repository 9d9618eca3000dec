package dev.keyward.app.agent;

import dev.keyward.app.Main;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The command line and environment of a real Keyward CLI JVM over a test's data folder. */
public final class CliJvm {

    /**
     * The JVM set up as the launcher sets up its short-lived agent client: only the quick compiler, the small
     * serial collector, no perf data file. A test's CLI JVM lives a second or two, and C2's compilations and
     * G1's threads cost it about a third more CPU (2.4 s against 1.5 s for a {@code run} under load), on the
     * two cores the whole test suite shares. What the command does is the same.
     */
    public static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData");

    private CliJvm() {
    }

    /** {@code java ... Main --data-dir DATA ARGS}, with this test JVM's class path. */
    public static List<String> command(Path data, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(QUICK_START);
        command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--data-dir", data.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** This process's environment without Keyward's variables (and the agent folder), plus {@code extra}. */
    public static Map<String, String> environment(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(k -> k.startsWith("KEYWARD_") || k.equals("XDG_RUNTIME_DIR"));
        env.putAll(extra);
        return env;
    }
}
