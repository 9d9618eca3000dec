package dev.keyward.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.vault.scan.git.PreCommitHook;
import dev.keyward.vault.scan.git.RepoBuilder;
import dev.keyward.vault.testing.Canary;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, {@code keyward scan --git / --staged / --history-files / --install-hook}: copies in every commit,
 * branch, tag and stash are found with commit, path, line and column; only the staged change for --staged;
 * history files from HOME; the hook is installed, never over another one unasked; clear errors; no value in
 * any output.
 */
class ScanGitCliTest {

    private static final String PASSWORD = "scan-git-password-17";
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path data;
    @TempDir
    Path tmp;
    private CliRunner cli;
    private String earlier;
    private String current;
    private final String unvaulted = "ghp_" + "Z9y8X7w6V5".repeat(4);

    @BeforeEach
    void createVault() {
        cli = new CliRunner(data).env("KEYWARD_NEW_PASSWORD", PASSWORD).env("KEYWARD_PASSWORD", PASSWORD);
        assertEquals(0, cli.run("profile", "create", "work").code());
        earlier = "kwgit/old+" + hex(10);
        current = "kwgit cur\"" + hex(10);
        assertEquals(0, cli.feed(earlier + "\n", "secret", "add", "API_KEY", "--value-stdin").code());
        assertEquals(0, cli.feed(current + "\n", "secret", "rotate", "API_KEY", "--value-stdin").code());
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static String display(Path path) {
        Path here = Path.of("").toAbsolutePath();
        return (path.startsWith(here) ? here.relativize(path) : path).toString().replace('\\', '/');
    }

    private static List<String> lines(String out) {
        List<String> lines = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isEmpty()) {
                lines.add(line.replaceAll(", ending .{4}$", ""));
            }
        }
        return lines;
    }

    private void assertNoValueIn(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (String value : List.of(earlier, current)) {
            assertNull(new Canary(value).encodingFoundIn(bytes), "a value leaked into the output");
        }
    }

    @Test
    void gitFindsEveryCopyInEveryCommitBranchTagAndStashWithCommitPathLineAndColumn() throws Exception {
        Path dir = tmp.resolve("repo");
        String top = display(dir) + "/";
        Set<String> expected = new TreeSet<>();
        try (RepoBuilder repo = RepoBuilder.init(dir)) {
            repo.write(".env", "A=1\nAPI_KEY=" + current + "\n").write("README", "hello\n");
            RevCommit first = repo.commitAll("env");
            expected.add(first.name() + ":" + top + ".env:2:9  copy of secret API_KEY (current value, as is)");
            Files.delete(dir.resolve(".env"));
            repo.commitAll("env removed");

            repo.git.checkout().setCreateBranch(true).setName("old-config").call();
            byte[] utf8 = earlier.getBytes(StandardCharsets.UTF_8);
            repo.write("k8s/secret.yaml", "data:\n  key: " + Base64.getEncoder().encodeToString(utf8) + "\n");
            RevCommit branch = repo.commitAll("branch");
            expected.add(branch.name() + ":" + top
                    + "k8s/secret.yaml:2:8  copy of secret API_KEY (earlier value, version 1, base64)");
            repo.git.checkout().setName("main").call();

            repo.git.checkout().setName(first.name()).call();
            repo.write("dump.txt", "x " + HexFormat.of().formatHex(current.getBytes(StandardCharsets.UTF_8)) + "\n");
            RevCommit tagged = repo.commitAll("tag only");
            repo.git.tag().setName("keep").setObjectId(tagged).setAnnotated(false).call();
            expected.add(tagged.name() + ":" + top + "dump.txt:1:3  copy of secret API_KEY (current value, hex)");
            repo.git.checkout().setName("main").call();

            repo.write("README", "hello\n?k=" + URLEncoder.encode(current, StandardCharsets.UTF_8) + "\n");
            RevCommit stash = repo.git.stashCreate().setPerson(RepoBuilder.WHO).call();
            expected.add(stash.name() + ":" + top + "README:2:4  copy of secret API_KEY (current value, URL-encoded)");
        }

        CliRunner.Result r = cli.run("scan", "--git", dir.toString());
        assertEquals(1, r.code(), r.err());
        assertEquals(expected, new TreeSet<>(lines(r.out())));
        assertEquals(expected.size(), lines(r.out()).size(), r.out());
        assertNoValueIn(r.out() + r.err());

        CliRunner.Result json = cli.run("scan", "--git", "--format", "json", dir.toString());
        assertEquals(1, json.code(), json.err());
        assertTrue(json.out().contains("\"commit\""), json.out());
        assertNoValueIn(json.out() + json.err());
    }

    @Test
    void stagedScansOnlyWhatIsStagedNotTheCommittedFilesOrTheWorkingTree() throws Exception {
        Path dir = tmp.resolve("repo");
        try (RepoBuilder repo = RepoBuilder.init(dir)) {
            repo.write("committed.txt", current + "\n");
            repo.commitAll("one");
            repo.write("staged.txt", "\n" + current + "\n").stage("staged.txt");
            repo.write("not-staged.txt", earlier + "\n");
        }
        CliRunner.Result r = cli.run("scan", "--staged", dir.toString());
        assertEquals(1, r.code(), r.err());
        assertEquals(List.of(display(dir) + "/staged.txt:2:1  copy of secret API_KEY (current value, as is)"), lines(r.out()));
        assertNoValueIn(r.out() + r.err());
    }

    @Test
    void noPromptWithoutAnAgentLooksForKeysByFormatAndNeverAsksForAPassword() throws Exception {
        Path dir = tmp.resolve("repo");
        try (RepoBuilder repo = RepoBuilder.init(dir)) {
            repo.write("staged.txt", current + "\nGITHUB=" + unvaulted + "\n").stage("staged.txt");
        }
        // No KEYWARD_PASSWORD, and a password on stdin that must not be read.
        CliRunner noPassword = new CliRunner(data);
        CliRunner.Result r = noPassword.feed(PASSWORD + "\n", "scan", "--staged", "--no-prompt", dir.toString());
        assertEquals(1, r.code(), r.err());
        assertEquals(List.of(display(dir) + "/staged.txt:2:8  unvaulted key of github"), lines(r.out()));
        assertTrue(r.err().contains("by key formats only"), r.err());
        assertFalse(r.err().contains("Password"), r.err());
    }

    @Test
    void historyFilesUnderHomeAreScannedToo() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path bash = Files.writeString(home.resolve(".bash_history"), "ls\nexport API_KEY=" + current + "\n");
        Path python = Files.writeString(home.resolve(".python_history"), "k = '" + earlier + "'\n");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        CliRunner.Result r = cli.env("HOME", home.toString()).run("scan", "--history-files", empty.toString());
        assertEquals(1, r.code(), r.err());
        assertEquals(Set.of(display(bash) + ":2:16  copy of secret API_KEY (current value, as is)",
                display(python) + ":1:6  copy of secret API_KEY (earlier value, version 1, as is)"), new TreeSet<>(lines(r.out())));
        assertNoValueIn(r.out() + r.err());
    }

    @Test
    void aFolderOutsideARepositoryAndADamagedRepositoryAreClearErrors() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        CliRunner.Result notRepo = cli.run("scan", "--git", plain.toString());
        assertEquals(2, notRepo.code(), notRepo.err());
        assertTrue(notRepo.err().contains(plain + " is not inside a git repository."), notRepo.err());
        assertFalse(notRepo.err().contains("Exception"), notRepo.err());

        Path dir = tmp.resolve("repo");
        RepoBuilder.init(dir).close();
        Files.writeString(dir.resolve(".git/config"), "[core\n");
        CliRunner.Result damaged = cli.run("scan", "--staged", dir.toString());
        assertEquals(5, damaged.code(), damaged.err());
        assertTrue(damaged.err().contains("could not be read"), damaged.err());
        assertTrue(damaged.err().contains("git fsck"), damaged.err());
    }

    @Test
    void installHookWritesTheHookAndRefusesToOverwriteAnotherUnlessForcedKeepingIt() throws Exception {
        Path dir = tmp.resolve("repo");
        RepoBuilder.init(dir).close();
        Path hook = dir.resolve(".git/hooks/pre-commit");
        Files.createDirectories(hook.getParent());
        Files.writeString(hook, "#!/bin/sh\necho theirs\n");

        CliRunner.Result refused = cli.run("scan", "--install-hook", dir.toString());
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().contains("A pre-commit hook already exists at " + hook), refused.err());
        assertTrue(refused.err().contains("keyward scan --install-hook --force"), refused.err());
        assertEquals("#!/bin/sh\necho theirs\n", Files.readString(hook));

        CliRunner.Result forced = cli.run("scan", "--install-hook", "--force", dir.toString());
        assertEquals(0, forced.code(), forced.err());
        assertEquals("#!/bin/sh\necho theirs\n", Files.readString(hook.resolveSibling("pre-commit.keyward-saved")));
        String script = Files.readString(hook);
        assertTrue(script.contains(PreCommitHook.MARKER), script);
        assertTrue(script.contains("'scan' '--staged' '--no-prompt'"), script);
        assertTrue(script.contains("'--data-dir' '" + data + "'"), script);
        assertTrue(forced.out().contains("kept as " + hook.resolveSibling("pre-commit.keyward-saved")), forced.out());

        CliRunner.Result usage = cli.run("scan", "--force", dir.toString());
        assertEquals(2, usage.code(), usage.err());
    }
}
