package dev.keyward.app.agent;

import dev.keyward.app.Main;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The command line and environment of a real Keyward CLI JVM over a test's data folder. */
final class CliJvm {

    private CliJvm() {
    }

    /** {@code java ... Main --data-dir DATA ARGS}, with this test JVM's class path. */
    static List<String> command(Path data, String... args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--data-dir", data.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** This process's environment without Keyward's variables (and the agent folder), plus {@code extra}. */
    static Map<String, String> environment(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(k -> k.startsWith("KEYWARD_") || k.equals("XDG_RUNTIME_DIR"));
        env.putAll(extra);
        return env;
    }
}
