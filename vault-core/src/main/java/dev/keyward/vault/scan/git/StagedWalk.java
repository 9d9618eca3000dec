package dev.keyward.vault.scan.git;

import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.Fact;
import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.VaultDamagedException;
import java.io.IOException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Hands on what is staged: each file of the index whose content differs from {@code HEAD}'s (new files
 * included; in a repository with no commits yet, every file of the index). The whole staged file is
 * scanned, as that is what the commit will hold; files staged for deletion have nothing to scan.
 */
public final class StagedWalk {

    private StagedWalk() {
    }

    /**
     * Walks the index of {@code repository} into {@code listener}; returns how many files were handed on.
     *
     * @throws InvalidInputException when the repository is bare (it has no index)
     * @throws VaultDamagedException when the index or {@code HEAD} cannot be read
     */
    public static long walk(Repository repository, GitScanListener listener) {
        if (repository.isBare()) {
            throw new InvalidInputException(GitErrorKind.NO_INDEX, ErrorFacts.of(Fact.PATH, repository.getDirectory()));
        }
        DirCache index;
        ObjectId head;
        try {
            index = repository.readDirCache();
            head = repository.resolve(Constants.HEAD + "^{tree}"); // null before the first commit
        } catch (IOException | RuntimeException e) {
            throw new VaultDamagedException(GitErrorKind.REPOSITORY_DAMAGED, ErrorFacts.of(Fact.PATH,
                    repository.getDirectory(), Fact.DETAIL, "its index or HEAD could not be read: " + e.getClass().getSimpleName()));
        }
        long files = 0;
        try (ObjectReader reader = repository.newObjectReader(); TreeWalk trees = new TreeWalk(repository, reader)) {
            trees.setRecursive(true);
            trees.addTree(new DirCacheIterator(index));
            if (head != null) {
                trees.addTree(head);
                trees.setFilter(TreeFilter.ANY_DIFF);
            }
            while (trees.next()) {
                if (listener.cancelled()) {
                    break;
                }
                if (HistoryWalk.isFile(trees.getRawMode(0))
                        && HistoryWalk.visitBlob(reader, trees.getObjectId(0), GitLocation.staged(trees.getPathString()), listener)) {
                    files++;
                }
            }
        } catch (IOException e) {
            throw new VaultDamagedException(GitErrorKind.REPOSITORY_DAMAGED, ErrorFacts.of(Fact.PATH,
                    repository.getDirectory(), Fact.DETAIL, "HEAD's tree could not be read: " + e.getClass().getSimpleName()));
        }
        return files;
    }
}
