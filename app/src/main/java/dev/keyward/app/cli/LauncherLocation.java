package dev.keyward.app.cli;

import dev.keyward.app.Main;
import dev.keyward.app.agent.client.ClientMain;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How to start this Keyward again from a program that has its own PATH (git runs hooks so): the absolute
 * path of the launcher that started this process, as the {@code ./keyward} script and jpackage's launchers
 * name themselves, else this very JVM, class path and main class.
 */
final class LauncherLocation {

    /** The property jpackage's native launchers set to their own path. */
    static final String JPACKAGE_APP_PATH = "jpackage.app-path";

    private LauncherLocation() {
    }

    /** The command's words up to the arguments, absolute paths only. */
    static List<String> command() {
        for (String property : List.of(ClientMain.LAUNCHER_PROPERTY, JPACKAGE_APP_PATH)) {
            String launcher = System.getProperty(property);
            if (launcher != null && !launcher.isBlank()) {
                return List.of(Path.of(launcher).toAbsolutePath().normalize().toString());
            }
        }
        // Started some other way (an IDE, a test's JVM): the same java, class path and main class.
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(File.pathSeparator));
        return List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp", classPath, Main.class.getName());
    }
}
