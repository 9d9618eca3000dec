package dev.keyward.vault.scan.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A real git repository in a test folder, changed with JGit's porcelain as a person would with git (app tests use it too). */
public final class RepoBuilder implements AutoCloseable {

    public static final PersonIdent WHO = new PersonIdent("Test", "test@example.invalid");

    public final Path dir;
    public final Git git;

    private RepoBuilder(Path dir, Git git) {
        this.dir = dir;
        this.git = git;
    }

    public static RepoBuilder init(Path dir) throws GitAPIException {
        return new RepoBuilder(dir, Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call());
    }

    public RepoBuilder write(String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return this;
    }

    public RepoBuilder stage(String path) throws GitAPIException {
        git.add().addFilepattern(path).call();
        return this;
    }

    public RevCommit commitAll(String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call(); // deletions too
        return commit(message);
    }

    public RevCommit commit(String message) throws GitAPIException {
        return git.commit().setMessage(message).setAuthor(WHO).setCommitter(WHO).setSign(false).call();
    }

    @Override
    public void close() {
        git.close();
    }
}
