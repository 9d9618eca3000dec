package dev.keyward.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.keyward.app.Main;
import dev.keyward.app.agent.CliJvm;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: adopt killed with SIGKILL at each point between its steps loses no value, and running it
 * again finishes the work. Keyward runs as a separate JVM whose test hook (see {@link AdoptCommand})
 * stops it at the named step; the test waits for that, then kills it.
 */
class AdoptKillTest {

    private static final String PASSWORD = "adopt-kill-password-1";
    private static final String CANARY = "killcanary51d0";

    @TempDir
    Path data;
    @TempDir
    Path work;
    private CliRunner cli;
    private Path app;

    @BeforeEach
    void createProfile() throws IOException {
        cli = CliRunner.withProfile(data, PASSWORD);
        app = Files.createDirectories(work.resolve("svc"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"IMPORTED", "COMMITTED", "BACKED_UP:1", "REPLACED:1", "BACKED_UP:2"})
    void aKillAtAnyStepLosesNothingAndARerunFinishes(String step) throws Exception {
        Path first = Files.writeString(app.resolve(".env"), AdoptCliTest.demandingEnv(CANARY));
        Path second = Files.writeString(app.resolve(".env.prod"), "# prod\nPROD_KEY=prod-" + CANARY + "\nPORT=80\n");
        String original1 = Files.readString(first);
        String original2 = Files.readString(second);
        String env1 = envDump(first);
        String env2 = envDump(second);

        Process adopt = keyward(step, "adopt", app.toString(), "--yes");
        Path err = work.resolve("stderr.txt");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!(Files.exists(err) && Files.readString(err).contains("adopt paused at"))) {
            if (!adopt.isAlive()) {
                fail("adopt ended before it reached " + step + ": " + Files.readString(err));
            }
            if (System.nanoTime() > deadline) {
                adopt.destroyForcibly();
                fail("adopt never reached " + step);
            }
            Thread.sleep(50);
        }
        adopt.destroyForcibly(); // SIGKILL on Unix: no shutdown hook, no finally block runs
        assertTrue(adopt.waitFor(1, TimeUnit.MINUTES));

        // Each file is whole: its original or its references file, and either way run gives the same values.
        assertTrue(List.of(original1, references1()).contains(Files.readString(first)), step);
        assertTrue(List.of(original2, references2()).contains(Files.readString(second)), step);
        assertEquals(env1, envDump(first), step);
        assertEquals(env2, envDump(second), step);
        assertFalse(leftoverTempFiles(), "no temp file is left where a later adopt would see it");

        CliRunner.Result rerun = cli.run("adopt", app.toString(), "--yes");
        assertEquals(0, rerun.code(), rerun.out() + rerun.err());
        assertEquals(references1(), Files.readString(first));
        assertEquals(references2(), Files.readString(second));
        assertEquals(env1, envDump(first));
        assertEquals(env2, envDump(second));
        assertFalse(cli.transcript().contains(CANARY));
        assertFalse(Files.readString(err).contains(CANARY));

        CliRunner.Result restored = cli.run("adopt", "--restore", first.toString(), "--yes");
        assertEquals(0, restored.code(), restored.err());
        assertEquals(original1, Files.readString(first), "the encrypted backup gives the original back");
    }

    private boolean leftoverTempFiles() throws IOException {
        try (var files = Files.list(app)) {
            // A kill between the temp file's creation and its rename can leave one: it holds references
            // only, and its name does not start with .env, so adopt never takes it for a .env file.
            return files.anyMatch(f -> f.getFileName().toString().startsWith(".env") && f.toString().endsWith(".tmp"));
        }
    }

    private static String references1() {
        return "# database\r\n"
                + "export DB_URL=keyward://projects/svc/DB_URL   # local\r\n"
                + "\r\n"
                + "API_KEY = keyward://projects/svc/API_KEY\r\n"
                + "PORT=keyward://projects/svc/PORT\r\n"
                + "EMPTY=\r\n"
                + "CERT=keyward://projects/svc/CERT\r\n"
                + "TOKEN: keyward://projects/svc/TOKEN #no space before this comment\r\n"
                + "NOTE=keyward://projects/svc/NOTE\r\n"
                + "TOKEN=keyward://projects/svc/TOKEN\r\n";
    }

    private static String references2() {
        return "# prod\nPROD_KEY=keyward://projects/svc.prod/PROD_KEY\nPORT=keyward://projects/svc.prod/PORT\n";
    }

    private String envDump(Path envFile) throws IOException {
        Path out = work.resolve("dump-" + System.nanoTime() + ".txt");
        CliRunner.Result r = cli.run("run", "--env-file", envFile.toString(), "--", "sh", "-c", "env | sort > \"$0\"",
                out.toString());
        assertEquals(0, r.code(), r.err());
        return Files.readString(out);
    }

    /** Keyward as a separate JVM that pauses at {@code step}. */
    private Process keyward(String step, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(CliJvm.QUICK_START);
        command.addAll(List.of("-D" + AdoptCommand.PAUSE_PROPERTY + "=" + step,
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--data-dir", data.toString(),
                "--no-agent"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("KEYWARD_"));
        builder.environment().putAll(Map.of("KEYWARD_PASSWORD", PASSWORD));
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.redirectOutput(work.resolve("stdout.txt").toFile());
        builder.redirectError(work.resolve("stderr.txt").toFile());
        return builder.start();
    }
}
