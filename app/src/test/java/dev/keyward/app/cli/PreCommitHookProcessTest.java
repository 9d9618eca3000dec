package dev.keyward.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hook {@code keyward scan --install-hook} writes, run by a real {@code git commit} (the git binary, a
 * clean environment, no terminal): a staged key stops the commit with one line naming it, never its value;
 * a clean change is committed. Keyward is installed by a child JVM that names its launcher as
 * {@code ./keyward} does, so the hook calls that launcher by absolute path.
 */
class PreCommitHookProcessTest {

    private static final String GIT = "/usr/bin/git";
    private static final String TOKEN = "ghp_" + "Q1w2E3r4T5".repeat(4);

    @TempDir
    Path tmp;

    private record Ran(int code, String out, String err) {
    }

    /** git's environment: nothing of this JVM's, so neither the user's git config nor Keyward's variables. */
    private Map<String, String> cleanEnvironment() throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", Files.createDirectories(tmp.resolve("home")).toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("LANG", "C.UTF-8");
        return env;
    }

    private Ran run(Path dir, List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close(); // no input: a hook that waited for a password would hang here
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not end: " + command);
        }
        return new Ran(process.exitValue(), new String(out.get(), StandardCharsets.UTF_8), new String(err.get(), StandardCharsets.UTF_8));
    }

    private static byte[] readAll(java.io.InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private Ran git(Path repo, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(GIT, "-c", "user.name=Test", "-c", "user.email=test@example.invalid",
                "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        return run(repo, command, cleanEnvironment());
    }

    /** A launcher like ./keyward: a script that starts Keyward's Main on this test's class path. */
    private Path launcher() throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Path script = tmp.resolve("bin/keyward");
        Files.createDirectories(script.getParent());
        Files.writeString(script, "#!/bin/sh\nexec " + PreCommitHookScript.quote(java)
                + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED -cp "
                + PreCommitHookScript.quote(System.getProperty("java.class.path")) + " " + Main.class.getName() + " \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    @Test
    void theInstalledHookStopsARealCommitOfAKeyAndLetsACleanOneThrough() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Path data = Files.createDirectories(tmp.resolve("data"));
        assertEquals(0, git(repo, "init", "-q", "-b", "main").code());
        Path launcher = launcher();

        // Installed by a child JVM that names its launcher (the property ./keyward sets), from the repository.
        List<String> install = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-Dkeyward.launcher=" + launcher, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--data-dir", data.toString(), "scan", "--install-hook"));
        Ran installed = run(repo, install, cleanEnvironment());
        assertEquals(0, installed.code(), installed.err());
        String hook = Files.readString(repo.resolve(".git/hooks/pre-commit"));
        assertTrue(hook.contains("launcher='" + launcher + "'"), hook);

        Files.writeString(repo.resolve("app.py"), "print('hi')\nGITHUB_TOKEN = '" + TOKEN + "'\n");
        assertEquals(0, git(repo, "add", "app.py").code());
        Ran blocked = git(repo, "commit", "-q", "-m", "with a key");
        assertNotEquals(0, blocked.code(), blocked.out() + blocked.err());
        String said = blocked.out() + blocked.err();
        assertTrue(said.contains("app.py:2:17  unvaulted key of github"), said);
        assertFalse(said.contains(TOKEN), said);
        assertNotEquals(0, git(repo, "rev-parse", "--verify", "-q", "HEAD").code(), "nothing was committed");

        Files.writeString(repo.resolve("app.py"), "import os\nGITHUB_TOKEN = os.environ['GITHUB_TOKEN']\n");
        assertEquals(0, git(repo, "add", "app.py").code());
        Ran clean = git(repo, "commit", "-q", "-m", "clean");
        assertEquals(0, clean.code(), clean.out() + clean.err());
        assertEquals(0, git(repo, "rev-parse", "--verify", "-q", "HEAD").code());
    }

    @Test
    void aHookWhoseLauncherIsGoneStopsTheCommitAndSaysHowToMendIt() throws Exception {
        Path gone = tmp.resolve("moved away/keyward");
        Path hook = Files.writeString(tmp.resolve("pre-commit"), PreCommitHookScript.of(List.of(gone.toString()), List.of()));
        Ran ran = run(tmp, List.of("/bin/sh", hook.toString()), cleanEnvironment());
        assertEquals(1, ran.code());
        assertTrue(ran.err().contains(gone + " is not there any more"), ran.err());
        assertTrue(ran.err().contains("'keyward scan --install-hook'"), ran.err());
    }
}
