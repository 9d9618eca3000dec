package dev.keyward.vault.scan.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.VaultDamagedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryWalkTest {

    @TempDir
    Path tmp;

    @Test
    void everyCopyOnBranchesTagsStashesAndDeletedFilesIsFoundWithTheCommitThatIntroducedIt() throws Exception {
        Path dir = tmp.resolve("repo");
        String first;
        String feature;
        String tagged;
        try (RepoBuilder repo = RepoBuilder.init(dir)) {
            repo.write("config/.env", "A=1\nKEY=CANARY-DELETED\n").write("README", "hello\n");
            first = repo.commitAll("add env").name();
            Files.delete(dir.resolve("config/.env"));
            repo.write("README", "hello again\n");
            repo.commitAll("drop env");

            repo.git.checkout().setCreateBranch(true).setName("feature").call();
            repo.write("src/app.py", "x = 1\n\n\nTOKEN = 'CANARY-BRANCH'\n");
            feature = repo.commitAll("feature work").name();
            repo.git.checkout().setName("main").call();

            // A commit that only a tag keeps: made on a detached HEAD, tagged, then left.
            repo.git.checkout().setName(first).call();
            repo.write("notes.txt", "CANARY-TAG\n");
            RevCommit tagOnly = repo.commitAll("tagged only");
            tagged = tagOnly.name();
            repo.git.tag().setName("v-orphan").setObjectId(tagOnly).setAnnotated(true).setMessage("t").setSigned(false)
                    .setTagger(RepoBuilder.WHO).call();
            repo.git.checkout().setName("main").call();

            // Two stashes: the older one in the stash reflog only, the newer one at refs/stash, with a staged
            // file (its index commit) and an untracked one (its untracked-files commit).
            repo.write("README", "CANARY-STASH-OLD\n");
            repo.git.stashCreate().setPerson(RepoBuilder.WHO).call();
            repo.write("staged.txt", "CANARY-STASH-INDEX\n").stage("staged.txt");
            repo.write("untracked.txt", "CANARY-STASH-UNTRACKED\n");
            repo.git.stashCreate().setPerson(RepoBuilder.WHO).setIncludeUntracked(true).call();
            assertEquals(2, repo.git.stashList().call().size());
        }

        CollectedBlobs seen = new CollectedBlobs();
        HistorySummary summary;
        try (Repository repository = GitRepositories.open(dir, Map.of())) {
            summary = HistoryWalk.walk(repository, seen);
        }

        assertEquals(List.of(first + ":config/.env:2"), seen.where("CANARY-DELETED"));
        assertEquals(List.of(feature + ":src/app.py:4"), seen.where("CANARY-BRANCH"));
        assertEquals(List.of(tagged + ":notes.txt:1"), seen.where("CANARY-TAG"));
        assertEquals(1, seen.where("CANARY-STASH-OLD").size(), seen.where("CANARY-STASH-OLD").toString());
        assertTrue(seen.where("CANARY-STASH-OLD").get(0).endsWith(":README:1"));
        assertEquals(1, seen.where("CANARY-STASH-INDEX").size());
        assertTrue(seen.where("CANARY-STASH-INDEX").get(0).endsWith(":staged.txt:1"));
        assertEquals(1, seen.where("CANARY-STASH-UNTRACKED").size());
        assertTrue(seen.where("CANARY-STASH-UNTRACKED").get(0).endsWith(":untracked.txt:1"));
        // Each distinct content once.
        assertEquals(seen.blobs.size(), seen.blobs.stream().map(CollectedBlobs.Seen::id).distinct().count());
        assertEquals(seen.blobs.size(), summary.blobs());
        assertEquals(List.of(), seen.problems);
        assertFalse(summary.cancelled());
        assertEquals(summary.commits(), seen.lastDone);
        assertEquals(summary.commits(), seen.lastTotal);
    }

    @Test
    void contentKeptAcrossManyCommitsAndCopiedToAnotherPathIsHandedOnOnceFromItsFirstCommit() throws Exception {
        Path dir = tmp.resolve("repo");
        String first;
        try (RepoBuilder repo = RepoBuilder.init(dir)) {
            repo.write("a.txt", "CANARY-KEPT\n");
            first = repo.commitAll("one").name();
            for (int i = 0; i < 5; i++) {
                repo.write("other.txt", "change " + i + "\n");
                repo.commitAll("change " + i);
            }
            repo.write("copy/a.txt", "CANARY-KEPT\n");
            repo.commitAll("copy");
        }
        CollectedBlobs seen = new CollectedBlobs();
        try (Repository repository = GitRepositories.open(dir, Map.of())) {
            HistoryWalk.walk(repository, seen);
        }
        assertEquals(List.of(first + ":a.txt:1"), seen.where("CANARY-KEPT"));
    }

    @Test
    void aBareRepositoryIsWalkedLikeItsWorkingCopy() throws Exception {
        Path dir = tmp.resolve("repo");
        String commit;
        try (RepoBuilder repo = RepoBuilder.init(dir)) {
            repo.write("k.txt", "CANARY-BARE\n");
            commit = repo.commitAll("one").name();
        }
        Path bare = tmp.resolve("bare.git");
        Git.cloneRepository().setURI(dir.toUri().toString()).setDirectory(bare.toFile()).setBare(true).call().close();
        CollectedBlobs seen = new CollectedBlobs();
        try (Repository repository = GitRepositories.open(bare, Map.of())) {
            assertTrue(repository.isBare());
            HistoryWalk.walk(repository, seen);
        }
        assertEquals(List.of(commit + ":k.txt:1"), seen.where("CANARY-BARE"));
    }

    @Test
    void aRepositoryWithNoCommitsHasNothingToWalk() throws Exception {
        Path dir = tmp.resolve("repo");
        RepoBuilder.init(dir).write("k.txt", "CANARY\n").close();
        CollectedBlobs seen = new CollectedBlobs();
        HistorySummary summary;
        try (Repository repository = GitRepositories.open(dir, Map.of())) {
            summary = HistoryWalk.walk(repository, seen);
        }
        assertEquals(0, summary.commits());
        assertEquals(List.of(), seen.blobs);
        assertEquals(List.of(), seen.problems);
    }

    @Test
    void aFolderOutsideAnyRepositoryIsRefusedAsNotARepository() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> GitRepositories.open(plain, Map.of()));
        assertEquals(GitErrorKind.NOT_A_REPOSITORY, e.kind());
        assertTrue(e.getMessage().contains(plain.toString()), e.getMessage());
    }

    @Test
    void aDamagedObjectIsAReportLineAndTheRestIsStillWalked() throws Exception {
        Path dir = tmp.resolve("repo");
        String damagedId;
        try (RepoBuilder repo = RepoBuilder.init(dir)) {
            repo.write("good.txt", "CANARY-GOOD\n").write("bad.txt", "CANARY-IN-A-DAMAGED-BLOB\n");
            repo.commitAll("one");
            damagedId = repo.git.getRepository().resolve("HEAD:bad.txt").name();
        }
        Path object = dir.resolve(".git/objects").resolve(damagedId.substring(0, 2)).resolve(damagedId.substring(2));
        object.toFile().setWritable(true);
        Files.write(object, new byte[] {0x78, 0x01, 1, 2, 3, 4, 5, 6, 7, 8});

        CollectedBlobs seen = new CollectedBlobs();
        HistorySummary summary;
        try (Repository repository = GitRepositories.open(dir, Map.of())) {
            summary = HistoryWalk.walk(repository, seen);
        }
        assertEquals(1, seen.where("CANARY-GOOD").size());
        assertEquals(1, seen.problems.size(), seen.problems.toString());
        GitProblem problem = seen.problems.get(0);
        assertEquals(damagedId, problem.object());
        assertTrue(problem.describe().contains("bad.txt"), problem.describe());
        assertFalse(problem.describe().contains("CANARY"), problem.describe());
        assertEquals(1, summary.problems());
    }

    @Test
    void aRepositoryWhoseConfigIsDamagedIsReportedAsDamagedWithoutQuotingIt() throws Exception {
        Path dir = tmp.resolve("repo");
        RepoBuilder.init(dir).close();
        Files.writeString(dir.resolve(".git/config"), "[core\n\textraheader = Authorization: CANARY-TOKEN\n");
        VaultDamagedException e = assertThrows(VaultDamagedException.class, () -> GitRepositories.open(dir, Map.of()));
        assertEquals(GitErrorKind.REPOSITORY_DAMAGED, e.kind());
        assertFalse(e.getMessage().contains("CANARY"), e.getMessage());
        assertTrue(e.getMessage().contains(".git"), e.getMessage());
    }
}
