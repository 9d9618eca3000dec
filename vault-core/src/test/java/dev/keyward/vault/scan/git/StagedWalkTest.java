package dev.keyward.vault.scan.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keyward.vault.InvalidInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedWalkTest {

    @TempDir
    Path tmp;

    @Test
    void onlyWhatIsStagedIsHandedOnAsItIsStagedNotAsItIsInTheWorkingTree() throws Exception {
        Path dir = tmp.resolve("repo");
        try (RepoBuilder repo = RepoBuilder.init(dir)) {
            repo.write("committed.txt", "CANARY-COMMITTED\n").write("changed.txt", "old\n").write("gone.txt", "bye\n");
            repo.commitAll("one");
            repo.write("changed.txt", "old\nCANARY-STAGED-CHANGE\n").stage("changed.txt");
            repo.write("new.txt", "CANARY-STAGED-NEW\n").stage("new.txt");
            repo.git.rm().addFilepattern("gone.txt").call();
            // After staging, the working tree moves on: the commit takes what was staged.
            repo.write("changed.txt", "old\nCANARY-STAGED-CHANGE\nCANARY-UNSTAGED\n");
            repo.write("untracked.txt", "CANARY-UNTRACKED\n");
        }
        CollectedBlobs seen = new CollectedBlobs();
        long files;
        try (Repository repository = GitRepositories.open(dir, Map.of())) {
            files = StagedWalk.walk(repository, seen);
        }
        assertEquals(2, files);
        assertEquals(List.of("-:changed.txt:2"), seen.where("CANARY-STAGED-CHANGE"));
        assertEquals(List.of("-:new.txt:1"), seen.where("CANARY-STAGED-NEW"));
        assertEquals(List.of(), seen.where("CANARY-COMMITTED"));
        assertEquals(List.of(), seen.where("CANARY-UNSTAGED"));
        assertEquals(List.of(), seen.where("CANARY-UNTRACKED"));
    }

    @Test
    void beforeTheFirstCommitEverythingInTheIndexIsStaged() throws Exception {
        Path dir = tmp.resolve("repo");
        try (RepoBuilder repo = RepoBuilder.init(dir)) {
            repo.write("a/first.txt", "CANARY-FIRST\n").stage("a/first.txt");
        }
        CollectedBlobs seen = new CollectedBlobs();
        try (Repository repository = GitRepositories.open(dir, Map.of())) {
            StagedWalk.walk(repository, seen);
        }
        assertEquals(List.of("-:a/first.txt:1"), seen.where("CANARY-FIRST"));
    }

    @Test
    void theIndexGitNamesForAHookIsTheOneRead() throws Exception {
        // git commit -a and git commit FILE stage into a temporary index and name it in GIT_INDEX_FILE.
        Path dir = tmp.resolve("repo");
        try (RepoBuilder repo = RepoBuilder.init(dir)) {
            repo.write("a.txt", "plain\n");
            repo.commitAll("one");
            Repository repository = repo.git.getRepository();
            Path other = dir.resolve(".git/other-index");
            DirCache index = DirCache.lock(other.toFile(), repository.getFS());
            ObjectId blob;
            try (ObjectInserter inserter = repository.newObjectInserter()) {
                blob = inserter.insert(Constants.OBJ_BLOB, "CANARY-OTHER-INDEX\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                inserter.flush();
            }
            DirCacheEditor editor = index.editor();
            editor.add(new DirCacheEditor.PathEdit("a.txt") {
                @Override
                public void apply(DirCacheEntry entry) {
                    entry.setFileMode(FileMode.REGULAR_FILE);
                    entry.setObjectId(blob);
                }
            });
            editor.commit();
        }
        CollectedBlobs usual = new CollectedBlobs();
        CollectedBlobs named = new CollectedBlobs();
        try (Repository repository = GitRepositories.open(dir, Map.of())) {
            StagedWalk.walk(repository, usual);
        }
        try (Repository repository = GitRepositories.open(dir, Map.of(GitRepositories.INDEX_FILE_VARIABLE, ".git/other-index"))) {
            StagedWalk.walk(repository, named);
        }
        assertEquals(List.of(), usual.blobs);
        assertEquals(List.of("-:a.txt:1"), named.where("CANARY-OTHER-INDEX"));
    }

    @Test
    void aBareRepositoryHasNothingStagedAndSaysWhy() throws Exception {
        Path bare = tmp.resolve("bare.git");
        Git.init().setBare(true).setDirectory(bare.toFile()).call().close();
        try (Repository repository = GitRepositories.open(bare, Map.of())) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> StagedWalk.walk(repository, new CollectedBlobs()));
            assertEquals(GitErrorKind.NO_INDEX, e.kind());
        }
    }
}
