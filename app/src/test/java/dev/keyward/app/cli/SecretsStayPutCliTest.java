package dev.keyward.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keyward.app.Main;
import dev.keyward.vault.crypto.Argon2Params;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, "secrets must not reach places they are not meant for": credentials never reach a
 * child, explicit input beats the environment, and output that could not be written is an error.
 * The child-environment and /dev/full cases run Keyward as a real separate process, because an
 * in-process run cannot give the JVM a real environment variable or a real full disk.
 */
class SecretsStayPutCliTest {

    private static final String PASSWORD = "stay-put-password-1";
    private static final String PASSWORD_CANARY = "pw-canary-5f0c2e9a";

    @TempDir
    Path data;
    @TempDir
    Path work;
    private CliRunner cli;

    @BeforeEach
    void createProfile() {
        cli = CliRunner.withProfile(data, PASSWORD);
        assertEquals(0, cli.run("project", "create", "p").code());
        assertEquals(0, cli.feed("project-value-123456", "secret", "add", "k", "--value-stdin").code());
        assertEquals(0, cli.run("project", "link", "p", "k", "--env", "PROJECT_KEY").code());
    }

    /** Keyward itself, as a separate JVM with {@code env} as its real environment. */
    private Process keyward(Map<String, String> env, File stdout, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--data-dir", data.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("KEYWARD_"));
        builder.environment().putAll(env);
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.redirectOutput(stdout);
        builder.redirectError(work.resolve("stderr.txt").toFile());
        return builder.start();
    }

    @Test
    void theChildOfRunGetsTheProjectButNoneOfKeywardsCredentials() throws Exception {
        File out = work.resolve("env.txt").toFile();
        Process ok = keyward(Map.of("KEYWARD_PASSWORD", PASSWORD, "KEYWARD_NEW_PASSWORD", "new-" + PASSWORD_CANARY,
                "KEYWARD_RECOVERY_CODE", "code-" + PASSWORD_CANARY, "KEYWARD_DEMO_PASSWORD", "demo-" + PASSWORD_CANARY,
                "KEYWARD_PROFILE", "work"), out, "run", "--no-masking", "--project", "p", "--", "env"); // the value itself is checked
        assertTrue(ok.waitFor(2, TimeUnit.MINUTES));
        String childEnv = Files.readString(out.toPath());
        assertEquals(0, ok.exitValue(), Files.readString(work.resolve("stderr.txt")));
        assertTrue(childEnv.contains("PROJECT_KEY=project-value-123456"), "the project's variable is there");
        assertTrue(childEnv.contains("KEYWARD_PROFILE=work"), "other variables are inherited");
        assertFalse(childEnv.contains(PASSWORD), "the vault password never reaches the child");
        assertFalse(childEnv.contains(PASSWORD_CANARY), "nor any other credential");
        assertFalse(childEnv.contains("KEYWARD_PASSWORD="));
    }

    @Test
    void writingToAFullDiskExitsOneWithASentence() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/full")));
        for (String[] command : List.of(new String[] {"secret", "get", "k"}, new String[] {"env", "export", "--project", "p"},
                new String[] {"secret", "list"})) {
            Process p = keyward(Map.of("KEYWARD_PASSWORD", PASSWORD), new File("/dev/full"), command);
            assertTrue(p.waitFor(2, TimeUnit.MINUTES));
            String err = Files.readString(work.resolve("stderr.txt"));
            assertEquals(1, p.exitValue(), String.join(" ", command) + ": " + err);
            assertTrue(err.contains("the output could not be written"), err);
            assertFalse(err.contains("Exception"), err);
        }
    }

    @Test
    void anOutputStreamThatFailsMakesTheCommandFail() {
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"--data-dir", data.toString(), "secret", "get", "k"},
                new ByteArrayInputStream(new byte[0]), new PrintStream(failing, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("KEYWARD_PASSWORD", PASSWORD), null,
                Argon2Params.FLOOR);
        assertEquals(1, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("the output could not be written"));
    }

    /** Issue 12's class "output never checked", beyond the commands that print secrets: help, version, lists. */
    @Test
    void everyWayOfPrintingChecksTheOutput() {
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        String dir = data.toString();
        for (String[] args : List.of(new String[] {"--version"}, new String[] {"-V"}, new String[] {"--data-dir", dir, "--version"},
                new String[] {"--help"}, new String[] {"secret", "get", "--help"}, new String[] {"--data-dir", dir, "profile", "list"})) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.run(args, new ByteArrayInputStream(new byte[0]),
                    new PrintStream(failing, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                    Map.of("KEYWARD_PASSWORD", PASSWORD), null, Argon2Params.FLOOR);
            assertEquals(1, code, String.join(" ", args));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("the output could not be written"), String.join(" ", args));
        }
    }

    /** The same class of ambiguity beyond passwords: --profile over KEYWARD_PROFILE, --data-dir over KEYWARD_HOME. */
    @Test
    void explicitOptionsWinOverTheVariablesTheyStandFor() {
        assertEquals(0, cli.run("profile", "create", "side").code());
        Path elsewhere = work.resolve("elsewhere");
        cli.env("KEYWARD_PROFILE", "side").env("KEYWARD_HOME", elsewhere.toString());

        CliRunner.Result fromVariable = cli.run("secret", "list");
        assertEquals(0, fromVariable.code(), fromVariable.err());
        assertTrue(fromVariable.out().startsWith("No secrets yet"), "KEYWARD_PROFILE chose the empty profile: "
                + fromVariable.out());

        CliRunner.Result explicit = cli.run("--profile", "work", "secret", "list");
        assertEquals(0, explicit.code(), explicit.err());
        assertTrue(explicit.out().startsWith("k "), "--profile chose work: " + explicit.out());
        assertFalse(Files.exists(elsewhere), "--data-dir won over KEYWARD_HOME, which was not touched");
    }

    @Test
    void passwordStdinWinsOverKeywardPassword() {
        CliRunner.Result r = cli.env("KEYWARD_PASSWORD", "wrong-from-environment").feed(PASSWORD + "\n", "secret", "get", "k",
                "--password-stdin");
        assertEquals(0, r.code(), r.err());
        assertEquals("project-value-123456\n", r.out());
        assertTrue(r.err().contains("KEYWARD_PASSWORD is set but not used"), r.err());
        assertFalse(r.err().contains("wrong-from-environment"));
    }

    @Test
    void passwordStdinWinsOverKeywardNewPasswordAtCreation() {
        CliRunner other = new CliRunner(data.resolve("other")).env("KEYWARD_NEW_PASSWORD", "from-environment-1");
        assertEquals(0, other.feed("from-stdin-password-1\n", "profile", "create", "o", "--password-stdin").code());
        assertEquals(0, other.env("KEYWARD_PASSWORD", "from-stdin-password-1").run("secret", "list").code());
        assertEquals(3, other.env("KEYWARD_PASSWORD", "from-environment-1").run("secret", "list").code());
    }

    @Test
    void passwordStdinWinsOverBothVariablesInAPasswordChange() {
        cli.env("KEYWARD_PASSWORD", "wrong-current").env("KEYWARD_NEW_PASSWORD", "unused-new-password");
        CliRunner.Result r = cli.feed(PASSWORD + "\nstdin-new-password\n", "profile", "passwd", "--password-stdin");
        assertEquals(0, r.code(), r.err());
        assertEquals(0, cli.env("KEYWARD_PASSWORD", "stdin-new-password").run("secret", "list").code());
        assertEquals(3, cli.env("KEYWARD_PASSWORD", "unused-new-password").run("secret", "list").code());
    }

    @Test
    void passwordStdinWinsOverTheRecoveryCodeVariable() {
        CliRunner fresh = new CliRunner(data.resolve("rec")).env("KEYWARD_NEW_PASSWORD", "first-password");
        String out = fresh.run("profile", "create", "r").out();
        String code = out.lines().filter(l -> l.startsWith("Recovery code: ")).findFirst().orElseThrow()
                .substring("Recovery code: ".length());
        fresh.env("KEYWARD_RECOVERY_CODE", "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA").env("KEYWARD_NEW_PASSWORD", "env-new-password");
        CliRunner.Result r = fresh.feed(code + "\nstdin-new-password\n", "profile", "recover", "--password-stdin");
        assertEquals(0, r.code(), r.err());
        assertEquals(0, fresh.env("KEYWARD_PASSWORD", "stdin-new-password").run("secret", "list").code());
    }

    @Test
    void passwordStdinWinsOverKeywardPasswordForRunAndBackupRestore() throws IOException {
        Path backup = work.resolve("b.kwbackup");
        assertEquals(0, cli.run("backup", "create", backup.toString()).code());
        cli.env("KEYWARD_PASSWORD", "wrong-from-environment");
        assertEquals(0, cli.feed(PASSWORD + "\n", "backup", "restore", backup.toString(), "--password-stdin").code());
        CliRunner.Result run = cli.feed(PASSWORD + "\n", "run", "--project", "p", "--password-stdin", "--", "true");
        assertEquals(0, run.code(), run.err());
    }
}
