package dev.keyward.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.vault.OperationFailedException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: {@code keyward read} and {@code keyward inject} resolve {@code keyward://} references, and
 * refuse (writing nothing) a malformed or unresolvable reference, a binary template, a reference cycle,
 * a symbolic link or missing folder as target; {@code run --env-file} resolves a dotenv file's references.
 */
class ReferencesCliTest {

    private static final String PASSWORD = "references-password-16";
    private static final String CANARY = "sk-ref-canary-7c21e9";
    private static final String OTHER = "sk-ref-other-0b44d2";

    @TempDir
    Path data;
    @TempDir
    Path work;
    private CliRunner cli;

    @BeforeEach
    void createProfile() throws IOException {
        cli = CliRunner.withProfile(data, PASSWORD);
        assertEquals(0, cli.run("project", "create", "api").code());
        Path env = Files.writeString(work.resolve("seed.env"), "OPENAI_API_KEY=" + CANARY + "\nOTHER=" + OTHER + "\n");
        assertEquals(0, cli.run("env", "import", env.toString(), "--project", "api").code());
        Files.delete(env);
    }

    @Test
    void readPrintsOneValueWithANewlineLikeOpReadAndWithoutOneOnRequest() {
        CliRunner.Result byProject = cli.run("read", "keyward://projects/api/OPENAI_API_KEY");
        assertEquals(0, byProject.code(), byProject.err());
        assertEquals(CANARY + "\n", byProject.out());
        CliRunner.Result bySecret = cli.run("read", "-n", "keyward://secrets/api%2FOPENAI_API_KEY");
        assertEquals(0, bySecret.code(), bySecret.err());
        assertEquals(CANARY, bySecret.out());
    }

    @Test
    void readRefusesAMalformedReferenceAndReportsOneThatPointsNowhere() {
        CliRunner.Result malformed = cli.run("read", "keyward://secrets/api/OPENAI_API_KEY");
        assertEquals(2, malformed.code());
        assertTrue(malformed.err().contains("write a '/' inside a name as %2F"), malformed.err());
        CliRunner.Result missing = cli.run("read", "keyward://projects/api/NOPE");
        assertEquals(4, missing.code());
        assertTrue(missing.err().contains("project 'api' has no variable 'NOPE'"), missing.err());
        assertEquals("", missing.out() + malformed.out());
    }

    @Test
    void injectWritesTheTemplateWithValuesAtomicallyAndOwnerOnly() throws IOException {
        Path template = Files.writeString(work.resolve("app.yml.tpl"),
                "openai: \"keyward://projects/api/OPENAI_API_KEY\"\nother: keyward://secrets/api%2FOTHER # note\n");
        Path out = work.resolve("app.yml");
        CliRunner.Result r = cli.run("inject", "-i", template.toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("openai: \"" + CANARY + "\"\nother: " + OTHER + " # note\n", Files.readString(out));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        assertFalse(r.out().contains(CANARY) || r.err().contains(CANARY));
        CliRunner.Result toStdout = cli.run("inject", "-i", template.toString());
        assertEquals(Files.readString(out), toStdout.out());
    }

    @Test
    void anUnresolvedReferenceNamesItsLineAndColumnAndNothingIsWritten() throws IOException {
        Path template = Files.writeString(work.resolve("t.txt"), "a=keyward://secrets/api%2FOTHER\n\n  b=keyward://secrets/gone\n");
        Path out = work.resolve("out.txt");
        CliRunner.Result r = cli.run("inject", "-i", template.toString(), "-o", out.toString());
        assertEquals(4, r.code());
        assertTrue(r.err().contains("t.txt, line 3, column 5: keyward://secrets/gone cannot be resolved: there is no secret"
                + " named 'gone'. Nothing was written."), r.err());
        assertFalse(Files.exists(out));
        CliRunner.Result malformed = cli.run("inject", "-i",
                Files.writeString(work.resolve("m.txt"), "x\ny keyward://secrets/a%zz\n").toString(), "-o", out.toString());
        assertEquals(2, malformed.code());
        assertTrue(malformed.err().contains("m.txt, line 2, column 3: this keyward:// reference is malformed"), malformed.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aReferenceCycleIsRefusedNotFollowed() throws IOException {
        Path a = Files.writeString(work.resolve("a.txt"), "keyward://secrets/b\n");
        Path b = Files.writeString(work.resolve("b.txt"), "keyward://secrets/a\n");
        assertEquals(0, cli.feed("keyward://secrets/b\n", "secret", "add", "a", "--value-stdin").code());
        assertEquals(0, cli.feed("keyward://secrets/a\n", "secret", "add", "b", "--value-stdin").code());
        Path out = work.resolve("out.txt");
        CliRunner.Result r = cli.run("inject", "-i", a.toString(), "-o", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("holds a keyward:// reference itself, and references inside values are not followed"
                + " (so there are no chains and no cycles)"), r.err());
        assertFalse(Files.exists(out));
        assertEquals(2, cli.run("read", "keyward://secrets/a").code());
        assertTrue(Files.exists(b));
    }

    @Test
    void aTemplateThatIsNotTextIsRefused() throws IOException {
        Path out = work.resolve("out.bin");
        Path binary = Files.write(work.resolve("image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
        CliRunner.Result nul = cli.run("inject", "-i", binary.toString(), "-o", out.toString());
        assertEquals(2, nul.code());
        assertTrue(nul.err().contains("is not a text file (it holds NUL bytes)"), nul.err());
        Path latin1 = Files.write(work.resolve("latin1.txt"), "caf\u00e9 keyward://secrets/x".getBytes(StandardCharsets.ISO_8859_1));
        CliRunner.Result notUtf8 = cli.run("inject", "-i", latin1.toString(), "-o", out.toString());
        assertEquals(2, notUtf8.code());
        assertTrue(notUtf8.err().contains("is not UTF-8 text"), notUtf8.err());
        CliRunner.Result device = cli.run("inject", "-i", "/dev/zero", "-o", out.toString());
        assertEquals(2, device.code(), device.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aSymbolicLinkAMissingFolderOrTheTemplateItselfIsNoTarget() throws IOException {
        Path template = Files.writeString(work.resolve("t.txt"), "k=keyward://secrets/api%2FOTHER\n");
        Path victim = Files.writeString(work.resolve("victim.txt"), "keep\n");
        Path link = Files.createSymbolicLink(work.resolve("link.txt"), victim);
        CliRunner.Result viaLink = cli.run("inject", "-i", template.toString(), "-o", link.toString());
        assertEquals(2, viaLink.code());
        assertTrue(viaLink.err().contains("is a symbolic link"), viaLink.err());
        assertEquals("keep\n", Files.readString(victim));
        CliRunner.Result noFolder = cli.run("inject", "-i", template.toString(), "-o", work.resolve("no/such/out.txt").toString());
        assertEquals(2, noFolder.code());
        assertTrue(noFolder.err().contains("does not exist; create it first"), noFolder.err());
        CliRunner.Result itself = cli.run("inject", "-i", template.toString(), "-o", template.toString());
        assertEquals(2, itself.code());
        assertEquals("k=keyward://secrets/api%2FOTHER\n", Files.readString(template));
        assertFalse(cli.transcript().contains(OTHER));
    }

    @Test
    void aHundredThousandReferencesResolveEachSecretOnceAndTooManyDistinctOnesAreRefused() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            text.append(i % 2 == 0 ? "keyward://projects/api/OPENAI_API_KEY\n" : "keyward://secrets/api%2FOTHER\n");
        }
        Path big = Files.writeString(work.resolve("big.txt"), text);
        Path out = work.resolve("big.out");
        CliRunner.Result r = cli.run("inject", "-i", big.toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(100_000, Files.readAllLines(out).size());
        CliRunner.Result audit = cli.run("audit", "list", "--json");
        assertTrue(audit.out().split("\"inject\"", -1).length - 1 <= 3, "each secret was read once, not per reference");

        StringBuilder distinct = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            distinct.append("keyward://secrets/s").append(i).append('\n');
        }
        Path huge = Files.writeString(work.resolve("huge.txt"), distinct);
        Path hugeOut = work.resolve("huge.out");
        CliRunner.Result refused = cli.run("inject", "-i", huge.toString(), "-o", hugeOut.toString());
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("more than 1000 distinct keyward:// references"), refused.err());
        assertFalse(Files.exists(hugeOut));
    }

    @Test
    void runWithAnEnvFileResolvesItsReferencesAndRefusesAnUnresolvedOneNamingTheLine() throws IOException {
        Path file = Files.writeString(work.resolve(".env.keyward"), "# committed: references only\n"
                + "OPENAI_API_KEY=keyward://projects/api/OPENAI_API_KEY\nURL=\"https://x.test/?k=keyward://secrets/api%2FOTHER\"\n"
                + "PLAIN=hello\n");
        CliRunner.Result run = cli.run("run", "--env-file", file.toString(), "--", "sh", "-c",
                "[ \"$OPENAI_API_KEY\" = '" + CANARY + "' ] && [ \"$URL\" = 'https://x.test/?k=" + OTHER + "' ]"
                        + " && [ \"$PLAIN\" = hello ] && [ -z \"$KEYWARD_PASSWORD\" ] && exit 42; exit 1");
        assertEquals(42, run.code(), run.err());

        Path marker = work.resolve("started");
        Path broken = Files.writeString(work.resolve("broken.env"), "A=keyward://secrets/api%2FOTHER\n\nB=keyward://projects/api/GONE\n");
        CliRunner.Result refused = cli.run("run", "--env-file", broken.toString(), "--", "touch", marker.toString());
        assertEquals(4, refused.code());
        assertTrue(refused.err().contains("broken.env, line 3, column 3: keyward://projects/api/GONE cannot be resolved:"
                + " project 'api' has no variable 'GONE'. The program was not started."), refused.err());
        assertFalse(Files.exists(marker), "the program was not started");

        Path malformed = Files.writeString(work.resolve("bad.env"), "OK=1\nNOT A LINE\n");
        CliRunner.Result bad = cli.run("run", "--env-file", malformed.toString(), "--", "touch", marker.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("bad.env, line 2") && bad.err().contains("The program was not started."), bad.err());
        assertFalse(Files.exists(marker), "the program was not started");

        CliRunner.Result neither = cli.run("run", "--", "true");
        assertEquals(2, neither.code());
        assertTrue(neither.err().contains("--project P, --env-file FILE, or both"), neither.err());
        assertFalse(cli.transcript().contains(CANARY) || cli.transcript().contains(OTHER));
    }

    @Test
    void aValueWrittenToAClosedStreamIsAnError() {
        PrintStream broken = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("closed");
            }
        }, true, StandardCharsets.UTF_8);
        assertThrows(OperationFailedException.class, () -> CheckedOutput.write(broken, "v".getBytes(StandardCharsets.UTF_8)));
    }
}
