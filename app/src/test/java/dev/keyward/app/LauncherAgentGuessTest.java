package dev.keyward.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./keyward} launcher's guess whether an agent may serve a command (its
 * {@code agent_may_serve} function, run here with real bash): the small client starts only where a
 * socket exists for the command's data root and nothing forces the direct path.
 */
class LauncherAgentGuessTest {

    @TempDir
    Path dir;

    private String guess(Map<String, String> env, String... args) throws Exception {
        String script = Files.readString(Path.of("..").toAbsolutePath().normalize().resolve("keyward"));
        Matcher function = Pattern.compile("(?ms)^agent_may_serve\\(\\) \\{.*?^}$").matcher(script);
        assertTrue(function.find(), "the launcher defines agent_may_serve");
        List<String> command = new ArrayList<>(List.of("bash", "-c",
                "set -euo pipefail\n" + function.group() + "\nif agent_may_serve \"$@\"; then echo client; else echo cli; fi", "bash"));
        command.addAll(List.of(args));
        ProcessBuilder bash = new ProcessBuilder(command);
        bash.environment().clear();
        bash.environment().put("PATH", "/usr/bin:/bin");
        bash.environment().put("HOME", dir.resolve("user").toString());
        bash.environment().putAll(env);
        Process process = bash.redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes()).strip();
        assertEquals(0, process.waitFor(), out);
        return out;
    }

    private Path socketIn(Path folder) throws Exception {
        Files.createDirectories(folder);
        return Files.createFile(folder.resolve("agent-0123456789abcdef.sock"));
    }

    @Test
    void withoutASocketEveryCommandStartsTheWholeCli() throws Exception {
        Map<String, String> env = Map.of("KEYWARD_HOME", dir.resolve("home").toString());
        assertEquals("cli", guess(env, "secret", "get", "A"));
        assertEquals("cli", guess(Map.of(), "secret", "get", "A"));
    }

    @Test
    void aSocketInTheDataRootsRunFolderStartsTheClientForCommandsTheAgentServes() throws Exception {
        socketIn(dir.resolve("home/run"));
        Map<String, String> env = Map.of("KEYWARD_HOME", dir.resolve("home").toString());
        assertEquals("client", guess(env, "secret", "get", "A"));
        assertEquals("client", guess(env, "--profile", "work", "run", "--project", "p", "--", "env"));
        assertEquals("client", guess(env, "secret", "get", "profile"), "only the first word names the group");
        assertEquals("cli", guess(env, "--no-agent", "secret", "get", "A"));
        assertEquals("cli", guess(env, "secret", "get", "A", "--password-stdin"));
        assertEquals("cli", guess(env, "secret", "--help"));
        assertEquals("cli", guess(env, "agent", "status"));
        assertEquals("cli", guess(env, "profile", "list"));
        assertEquals("cli", guess(env, "--version"));
        assertEquals("client", guess(env, "run", "--", "tool", "--no-agent"), "an argument of the program is not the launcher's");
    }

    @Test
    void theDataRootFollowsDataDirThenKeywardHomeThenTheUsersDataFolder() throws Exception {
        socketIn(dir.resolve("other/run"));
        Map<String, String> home = Map.of("KEYWARD_HOME", dir.resolve("home").toString());
        assertEquals("cli", guess(home, "secret", "get", "A"));
        assertEquals("client", guess(home, "--data-dir", dir.resolve("other").toString(), "secret", "get", "A"));
        assertEquals("client", guess(home, "--data-dir=" + dir.resolve("other"), "secret", "get", "A"));
        socketIn(dir.resolve("user/.local/share/keyward/run"));
        assertEquals("client", guess(Map.of(), "secret", "get", "A"));
        assertEquals("cli", guess(Map.of("XDG_DATA_HOME", dir.resolve("data").toString()), "secret", "get", "A"));
    }

    @Test
    void aSocketInTheRuntimeFolderStartsTheClient() throws Exception {
        socketIn(dir.resolve("runtime/keyward"));
        Map<String, String> env = Map.of("KEYWARD_HOME", dir.resolve("home").toString(),
                "XDG_RUNTIME_DIR", dir.resolve("runtime").toString());
        assertEquals("client", guess(env, "env", "export", "--project", "p"));
    }
}
