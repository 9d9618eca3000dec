package dev.keyward.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12: {@code env import} reads exactly what dotenv reads and nothing unbounded; {@code env export} writes only where it should. */
class EnvFilesCliTest {

    private static final String PASSWORD = "env-files-password-1";
    private static final String CANARY = "envfile-canary-91c3";

    @TempDir
    Path data;
    @TempDir
    Path work;
    private CliRunner cli;

    @BeforeEach
    void createProfile() {
        cli = new CliRunner(data).env("KEYWARD_NEW_PASSWORD", PASSWORD).env("KEYWARD_PASSWORD", PASSWORD);
        assertEquals(0, cli.run("profile", "create", "work").code());
        assertEquals(0, cli.run("project", "create", "p").code());
    }

    private Path envFile(String text) throws IOException {
        return Files.writeString(work.resolve("app.env"), text);
    }

    @Test
    void emptyValuesImportAndReachTheChildAsEmptyVariables() throws IOException {
        Path file = envFile("EMPTY=\nQUOTED=\"\"\nSET=value-" + CANARY + "\n");
        CliRunner.Result r = cli.run("env", "import", file.toString(), "--project", "p");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("3 added"), r.out());
        // The child's output goes to the real terminal, so the child answers with its exit code.
        CliRunner.Result run = cli.run("run", "--project", "p", "--", "sh", "-c",
                "[ \"${EMPTY+set}\" = set ] && [ -z \"$EMPTY\" ] && [ \"${QUOTED+set}\" = set ] && [ -z \"$QUOTED\" ]"
                        + " && [ -n \"$SET\" ]");
        assertEquals(0, run.code(), "the child has EMPTY and QUOTED set to the empty string");
        CliRunner.Result export = cli.run("env", "export", "--project", "p");
        assertEquals("EMPTY=\nQUOTED=\nSET=value-" + CANARY + "\n", export.out());
    }

    @Test
    void aPasswordOnStandardInputThatIsNotUtf8IsRefusedNotReplaced() {
        CliRunner stdin = new CliRunner(data);
        byte[] latin1 = "pässword-1\n".getBytes(StandardCharsets.ISO_8859_1);
        CliRunner.Result r = stdin.feedBytes(latin1, "secret", "list", "--password-stdin");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("not valid UTF-8"), r.err());
    }

    @Test
    void aKeyShapedKeyIsNeverEchoedInTheSummaryOrTheRefusal() throws IOException {
        String pasted = "sk-proj-keycanary" + "0123456789abcdef0123456789abcdef";
        Path file = envFile(pasted + "=\n" + pasted + "=again\nGOOD=1\n");
        CliRunner.Result dry = cli.run("env", "import", file.toString(), "--project", "p", "--dry-run");
        CliRunner.Result real = cli.run("env", "import", file.toString(), "--project", "p");
        assertEquals(2, real.code(), real.out() + real.err());
        assertEquals(2, dry.code(), dry.out() + dry.err());
        for (CliRunner.Result r : new CliRunner.Result[] {dry, real}) {
            String shown = r.out() + r.err();
            assertFalse(shown.contains("keycanary"), shown);
            assertTrue(shown.contains("[REDACTED]"), shown);
        }
        String stripe = "sk_live_" + "keycanary0123456789";
        CliRunner.Result valid = cli.run("env", "import", envFile(stripe + "=x\n").toString(), "--project", "p", "--dry-run");
        assertEquals(0, valid.code(), valid.err());
        assertFalse((valid.out() + valid.err()).contains("keycanary"), valid.out());
    }

    @Test
    void anEmptyValueDoesNotBlankALinkedSecretUnlessAllowed() throws IOException {
        assertEquals(0, cli.run("env", "import", envFile("API_KEY=live-" + CANARY + "\n").toString(),
                "--project", "p").code());
        Path example = envFile("API_KEY=\n");
        CliRunner.Result dry = cli.run("env", "import", example.toString(), "--project", "p", "--dry-run");
        CliRunner.Result real = cli.run("env", "import", example.toString(), "--project", "p");
        assertEquals(2, real.code(), real.out() + real.err());
        assertEquals(2, dry.code(), dry.out() + dry.err());
        assertEquals(real.err(), dry.err());
        assertTrue(real.err().contains("API_KEY is empty in the file"), real.err());
        assertTrue(dry.out().contains("! API_KEY  refused"), dry.out());
        assertEquals("API_KEY=live-" + CANARY + "\n", cli.run("env", "export", "--project", "p").out(),
                "the live value is kept");

        CliRunner.Result allowed = cli.run("env", "import", example.toString(), "--project", "p", "--allow-empty");
        assertEquals(0, allowed.code(), allowed.err());
        assertEquals("API_KEY=\n", cli.run("env", "export", "--project", "p").out());
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anEndlessDeviceAFolderAndAPipeAreRefusedWithASentence() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/zero")));
        for (Path file : new Path[] {Path.of("/dev/zero"), work}) {
            CliRunner.Result r = cli.run("env", "import", file.toString(), "--project", "p");
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains("nothing was read"), r.err());
            assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        }
        Path fifo = work.resolve("pipe.env");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0);
        assertEquals(2, cli.run("env", "import", fifo.toString(), "--project", "p").code());
    }

    @Test
    void aFileOverSixteenMebibytesIsRefusedWithoutReadingIt() throws IOException {
        Path big = work.resolve("big.env");
        try (var f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(16L * 1024 * 1024 + 1);
        }
        CliRunner.Result r = cli.run("env", "import", big.toString(), "--project", "p");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("larger than 16 MiB"), r.err());
    }

    @Test
    void invalidUtf8IsRefusedWithItsLineAndImportsNothing() throws IOException {
        Path file = Files.write(work.resolve("latin1.env"), "A=1\nB=caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        CliRunner.Result r = cli.run("env", "import", file.toString(), "--project", "p");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("latin1.env, line 2: it is not valid UTF-8"), r.err());
        assertEquals("", cli.run("env", "export", "--project", "p").out());
    }

    @Test
    void aNulByteIsRefusedWithItsLine() throws IOException {
        Path file = envFile("A=1\nB=x\0y\n");
        CliRunner.Result r = cli.run("env", "import", file.toString(), "--project", "p");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("line 2: it holds a NUL character"), r.err());
    }

    @Test
    void repeatedKeysImportTheLastValueAsDotenvDoesAndTheSummarySaysSo() throws IOException {
        Path file = envFile("TOKEN=first\nOTHER=1\nTOKEN=second\n");
        CliRunner.Result dry = cli.run("env", "import", file.toString(), "--project", "p", "--dry-run");
        CliRunner.Result real = cli.run("env", "import", file.toString(), "--project", "p");
        assertEquals(0, real.code(), real.err());
        String note = "! TOKEN is defined 2 times (lines 1, 3); the last one (line 3) is imported, as dotenv reads it.";
        assertTrue(dry.out().contains(note), dry.out());
        assertTrue(real.out().contains(note), real.out());
        assertEquals("OTHER=1\nTOKEN=second\n", cli.run("env", "export", "--project", "p").out());
    }

    @Test
    void aDryRunRefusesExactlyWhatTheImportRefuses() throws IOException {
        Path file = envFile("GOOD=1\napp.port=3000\n");
        CliRunner.Result dry = cli.run("env", "import", file.toString(), "--project", "p", "--dry-run");
        CliRunner.Result real = cli.run("env", "import", file.toString(), "--project", "p");
        assertEquals(2, real.code());
        assertEquals(real.code(), dry.code(), dry.out() + dry.err());
        assertEquals(real.err(), dry.err());
        assertTrue(dry.out().contains("! app.port  refused"), dry.out());
        assertEquals("", cli.run("env", "export", "--project", "p").out(), "nothing was imported");
    }

    @Test
    void aDryRunRefusesAVariableWhoseSecretNameWouldBeTooLong() throws IOException {
        Path file = envFile("GOOD=1\n" + "V".repeat(140) + "=x\n");
        CliRunner.Result dry = cli.run("env", "import", file.toString(), "--project", "p", "--dry-run");
        CliRunner.Result real = cli.run("env", "import", file.toString(), "--project", "p");
        assertEquals(2, real.code(), real.out() + real.err());
        assertEquals(real.code(), dry.code(), dry.out() + dry.err());
        assertEquals(real.err(), dry.err());
        assertEquals("", cli.run("env", "export", "--project", "p").out(), "nothing was imported");
    }

    @Test
    void exportRefusesASymbolicLinkADeviceAndAMissingFolder() throws IOException {
        Path file = envFile("SECRET=" + CANARY + "\n");
        assertEquals(0, cli.run("env", "import", file.toString(), "--project", "p").code());
        Path victim = Files.writeString(work.resolve("victim.txt"), "keep");
        Path link = Files.createSymbolicLink(work.resolve("link.env"), victim);

        CliRunner.Result viaLink = cli.run("env", "export", "--project", "p", "--output", link.toString());
        assertEquals(2, viaLink.code());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("keep", Files.readString(victim));

        Path missing = work.resolve("no-such-folder");
        CliRunner.Result intoMissing = cli.run("env", "export", "--project", "p", "--output", missing.resolve("x.env").toString());
        assertEquals(2, intoMissing.code());
        assertTrue(intoMissing.err().contains("The folder " + missing + " does not exist"), intoMissing.err());
        assertFalse(Files.exists(missing));

        if (Files.exists(Path.of("/dev/null"))) {
            assertEquals(2, cli.run("env", "export", "--project", "p", "--output", "/dev/null").code());
        }
        Path good = work.resolve("out.env");
        assertEquals(0, cli.run("env", "export", "--project", "p", "--output", good.toString()).code());
        assertEquals("SECRET=" + CANARY + "\n", Files.readString(good));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(good)));
        assertFalse(cli.transcript().contains(CANARY), "no value in any message");
    }

    @Test
    void otherFilesAndStreamsAUserHandsKeywardAreBoundedToo() {
        assumeTrue(Files.exists(Path.of("/dev/zero")));
        CliRunner.Result program = cli.run("script", "import", "/dev/zero");
        assertEquals(2, program.code(), program.err());
        assertTrue(program.err().contains("not a regular file"), program.err());
        CliRunner.Result folder = cli.run("script", "import", work.toString());
        assertEquals(2, folder.code(), folder.err());

        CliRunner.Result huge = cli.feed("x".repeat(2 * 1024 * 1024), "secret", "add", "huge", "--value-stdin");
        assertEquals(2, huge.code(), huge.err());
        assertTrue(huge.err().contains("more than 1 MiB"), huge.err());
        CliRunner.Result endlessLine = cli.env("KEYWARD_PASSWORD", null).feed("y".repeat(100 * 1024), "secret", "list",
                "--password-stdin");
        assertEquals(2, endlessLine.code(), endlessLine.err());
    }
}
