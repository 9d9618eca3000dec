package dev.keyward.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17, {@code keyward adopt}: .env files become references files that run --env-file reads to the same values. */
class AdoptCliTest {

    private static final String PASSWORD = "adopt-password-1";
    private static final String CANARY = "adoptcanary7f3e";

    @TempDir
    Path data;
    @TempDir
    Path work;
    private CliRunner cli;
    private Path app;

    @BeforeEach
    void createProfile() throws IOException {
        cli = CliRunner.withProfile(data, PASSWORD);
        app = Files.createDirectories(work.resolve("myapp"));
    }

    /** A .env a person wrote: comments, blank lines, export, quotes, a multi-line value, CRLF, a repeated key. */
    static String demandingEnv(String canary) {
        return "# database\r\n"
                + "export DB_URL=postgres://u:pw-" + canary + "@localhost/db   # local\r\n"
                + "\r\n"
                + "API_KEY = 'sk-" + canary + "-api'\r\n"
                + "PORT=3000\r\n"
                + "EMPTY=\r\n"
                + "CERT=\"-----BEGIN-----\nline-" + canary + "\n-----END-----\"\r\n"
                + "TOKEN: tok-" + canary + "-1#no space before this comment\r\n"
                + "NOTE=`tick " + canary + "`\r\n"
                + "TOKEN=tok-" + canary + "-2\r\n";
    }

    private String envDump(Path envFile) throws IOException {
        Path out = work.resolve("dump-" + System.nanoTime() + ".txt");
        CliRunner.Result r = cli.run("run", "--env-file", envFile.toString(), "--", "sh", "-c", "env | sort > \"$0\"",
                out.toString());
        assertEquals(0, r.code(), r.err());
        return Files.readString(out);
    }

    @Test
    void adoptKeepsTheFileAsWrittenButForTheValuesAndRunGetsTheSameVariables() throws IOException {
        Path env = Files.writeString(app.resolve(".env"), demandingEnv(CANARY));
        Files.writeString(app.resolve(".env.example"), "API_KEY=\n");
        Files.createDirectories(app.resolve("node_modules/x"));
        Files.writeString(app.resolve("node_modules/x/.env"), "DEP=dep-" + CANARY + "\n");
        Files.createDirectories(app.resolve(".git"));
        Files.writeString(app.resolve(".git/.env"), "GIT=git-" + CANARY + "\n");
        String before = envDump(env);

        CliRunner.Result r = cli.run("adopt", app.toString(), "--yes", "--keep", "PORT");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains(".env  -> project 'myapp' (new project)"), r.out());
        assertTrue(r.out().contains("note: TOKEN is defined 2 times"), r.out());

        assertEquals("# database\r\n"
                + "export DB_URL=keyward://projects/myapp/DB_URL   # local\r\n"
                + "\r\n"
                + "API_KEY = keyward://projects/myapp/API_KEY\r\n"
                + "PORT=3000\r\n"
                + "EMPTY=\r\n"
                + "CERT=keyward://projects/myapp/CERT\r\n"
                + "TOKEN: keyward://projects/myapp/TOKEN #no space before this comment\r\n"
                + "NOTE=keyward://projects/myapp/NOTE\r\n"
                + "TOKEN=keyward://projects/myapp/TOKEN\r\n", Files.readString(env));
        assertEquals(before, envDump(env), "run --env-file gives the same variables and values");
        assertEquals("API_KEY=\n", Files.readString(app.resolve(".env.example")), "templates are left alone");
        assertTrue(Files.readString(app.resolve("node_modules/x/.env")).contains(CANARY));
        assertTrue(Files.readString(app.resolve(".git/.env")).contains(CANARY));

        CliRunner.Result again = cli.run("adopt", app.toString(), "--yes", "--keep", "PORT");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("Nothing to adopt"), again.out());
        assertTrue(again.out().contains("holds references already"), again.out());

        cli.run("audit", "list", "--limit", "500");
        assertFalse(cli.transcript().contains(CANARY), "no value in any output or audit line");
        for (Path backup : backups()) {
            assertFalse(new String(Files.readAllBytes(backup), StandardCharsets.ISO_8859_1).contains(CANARY),
                    "the backup is encrypted");
        }
        assertEquals(1, backups().size());
    }

    @Test
    void aDryRunShowsThePlanAndChangesNeitherTheFilesNorTheVault() throws IOException {
        assertEquals(0, cli.feed("shared-" + CANARY, "secret", "add", "shared", "--value-stdin").code());
        Path env = Files.writeString(app.resolve(".env"), "A=shared-" + CANARY + "\nB=b-" + CANARY + "\n");
        Path local = Files.writeString(app.resolve(".env.local"), "C=c-" + CANARY + "\n");
        String rowsBefore = rows();
        byte[] envBefore = Files.readAllBytes(env);
        byte[] localBefore = Files.readAllBytes(local);
        List<byte[]> vaultBefore = vaultBytes();

        CliRunner.Result dry = cli.run("adopt", app.toString(), "--dry-run");
        assertEquals(0, dry.code(), dry.err());
        assertTrue(dry.out().contains("copy      A  (line 1: copy of secret shared: linked, no new secret)"), dry.out());
        assertTrue(dry.out().contains("new       B  (line 2: new secret myapp/B)"), dry.out());
        assertTrue(dry.out().contains(".env.local  -> project 'myapp.local' (new project)"), dry.out());
        assertTrue(dry.out().contains("Dry run: nothing was written."), dry.out());

        assertArrayEquals(envBefore, Files.readAllBytes(env));
        assertArrayEquals(localBefore, Files.readAllBytes(local));
        assertEquals(rowsBefore, rows());
        List<byte[]> vaultAfter = vaultBytes();
        for (int i = 0; i < vaultBefore.size(); i++) {
            assertArrayEquals(vaultBefore.get(i), vaultAfter.get(i), "vault file " + i + " is byte for byte the same");
        }
        assertTrue(backups().isEmpty());
        assertFalse(cli.transcript().contains(CANARY));
    }

    @Test
    void aMalformedFileIsRefusedWithItsLineAndNothingChanges() throws IOException {
        Path good = Files.writeString(app.resolve(".env"), "GOOD=g-" + CANARY + "\n");
        Files.createDirectories(app.resolve("sub"));
        Path bad = Files.writeString(app.resolve("sub/.env"), "OK=1\nBAD LINE " + CANARY + "\n");
        String rowsBefore = rows();
        CliRunner.Result r = cli.run("adopt", app.toString(), "--yes");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("sub/.env, line 2, column 1: there is no '='"), r.err());
        assertTrue(r.err().contains("Nothing was adopted"), r.err());
        assertEquals("GOOD=g-" + CANARY + "\n", Files.readString(good));
        assertTrue(Files.readString(bad).contains(CANARY));
        assertEquals(rowsBefore, rows());
        assertFalse(cli.transcript().contains(CANARY));
    }

    @Test
    void aConflictIsNeverResolvedSilently() throws IOException {
        assertEquals(0, cli.run("project", "create", "myapp").code());
        assertEquals(0, cli.feed("vault-" + CANARY, "secret", "add", "live", "--value-stdin").code());
        assertEquals(0, cli.run("project", "link", "myapp", "live", "--env", "API_KEY").code());
        Path env = Files.writeString(app.resolve(".env"), "API_KEY=file-" + CANARY + "\n");
        String rowsBefore = rows();

        CliRunner.Result refused = cli.run("adopt", app.toString(), "--yes");
        assertEquals(2, refused.code(), refused.out() + refused.err());
        assertTrue(refused.out().contains("CONFLICT  API_KEY"), refused.out());
        assertTrue(refused.err().contains("--on-conflict"), refused.err());
        assertEquals(rowsBefore, rows());
        assertEquals("API_KEY=file-" + CANARY + "\n", Files.readString(env));

        CliRunner.Result noTerminal = cli.run("adopt", app.toString(), "--on-conflict", "file");
        assertEquals(2, noTerminal.code(), noTerminal.err());
        assertTrue(noTerminal.err().contains("No terminal to ask on: pass --yes"), noTerminal.err());
        assertEquals(rowsBefore, rows());

        CliRunner.Result fileWins = cli.run("adopt", app.toString(), "--yes", "--on-conflict", "file");
        assertEquals(0, fileWins.code(), fileWins.err());
        assertEquals("API_KEY=keyward://projects/myapp/API_KEY\n", Files.readString(env));
        assertEquals("file-" + CANARY + "\n", cli.run("read", "keyward://projects/myapp/API_KEY").out());
        assertEquals("vault-" + CANARY + "\n", cli.run("secret", "get", "live", "--version", "1").out(),
                "the vault's value stays in the secret's history");
    }

    @Test
    void whenTheVaultWinsTheFileStillBecomesReferencesAndKeepsTheOriginalInTheBackup() throws IOException {
        assertEquals(0, cli.run("project", "create", "myapp").code());
        assertEquals(0, cli.feed("vault-" + CANARY, "secret", "add", "myapp/API_KEY", "--value-stdin").code());
        Path env = Files.writeString(app.resolve(".env"), "API_KEY=file-" + CANARY + "\n");
        CliRunner.Result r = cli.run("adopt", app.toString(), "--yes", "--on-conflict", "vault");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("secret myapp/API_KEY exists and holds another value"), r.out());
        assertEquals("vault-" + CANARY + "\n", cli.run("read", "keyward://projects/myapp/API_KEY").out());
        assertEquals(1, backups().size());
    }

    private List<Path> backups() throws IOException {
        Path profiles = data.resolve("profiles");
        try (Stream<Path> files = Files.walk(profiles)) {
            return files.filter(f -> f.toString().endsWith(".sealed")).toList();
        }
    }

    private List<byte[]> vaultBytes() throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(data.resolve("profiles"))) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("vault.db")).sorted().toList()) {
                out.add(Files.readAllBytes(f));
            }
        }
        return out;
    }

    /** The vault's rows a person can list: secrets, projects and their links, and the audit log. */
    private String rows() {
        StringBuilder out = new StringBuilder();
        out.append(cli.run("secret", "list").out()).append(cli.run("project", "list").out());
        out.append(cli.run("audit", "list", "--limit", "500").out());
        return out.toString();
    }
}
