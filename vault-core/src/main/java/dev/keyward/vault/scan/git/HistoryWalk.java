package dev.keyward.vault.scan.git;

import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.Fact;
import dev.keyward.vault.VaultDamagedException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.ReflogEntry;
import org.eclipse.jgit.lib.ReflogReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevBlob;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevFlag;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Walks every commit reachable from any ref (branches, tags, remotes, {@code HEAD}) and from every stash
 * (each entry of {@code refs/stash}'s reflog; a stash's index and untracked-files commits are its parents),
 * oldest first, and hands each distinct blob to the listener once, with the commit that introduced it and
 * its path there. Files deleted later are found in the commit that added them.
 *
 * <p>Each commit's tree is compared with its parents' trees, so only what a commit changed is read, and a
 * blob already seen is skipped. Memory grows with the number of commits and distinct blobs (a few dozen
 * bytes each), never with their size: blob content is streamed. One unreadable object is a
 * {@link GitProblem}; the walk goes on.
 */
public final class HistoryWalk {

    private final Repository repository;
    private final GitScanListener listener;
    private long blobs;
    private long problems;

    private HistoryWalk(Repository repository, GitScanListener listener) {
        this.repository = repository;
        this.listener = listener;
    }

    /**
     * Walks {@code repository}'s history into {@code listener}.
     *
     * @throws VaultDamagedException when the repository's refs cannot be listed at all
     */
    public static HistorySummary walk(Repository repository, GitScanListener listener) {
        return new HistoryWalk(repository, listener).run();
    }

    private HistorySummary run() {
        try (RevWalk walk = new RevWalk(repository)) {
            walk.setRetainBody(false); // ids of trees and parents are all the walk needs
            Roots roots = roots(walk);
            List<RevCommit> order = oldestFirst(walk, roots.commits());
            if (order == null) {
                return new HistorySummary(0, blobs, problems, true);
            }
            RevFlag seen = walk.newFlag("seen");
            ObjectReader reader = walk.getObjectReader();
            long done = 0;
            listener.progress(0, order.size());
            try (TreeWalk trees = new TreeWalk(repository, reader)) {
                for (RevCommit commit : order) {
                    if (listener.cancelled()) {
                        return new HistorySummary(done, blobs, problems, true);
                    }
                    if (!changedBlobs(walk, trees, commit, seen)) {
                        return new HistorySummary(done, blobs, problems, true);
                    }
                    listener.progress(++done, order.size());
                }
                for (Root root : roots.others()) {
                    if (!otherRoot(walk, trees, root, seen)) {
                        return new HistorySummary(done, blobs, problems, true);
                    }
                }
            }
            return new HistorySummary(done, blobs, problems, false);
        }
    }

    /** A ref whose peeled target is a tree or a blob (a tag can name either). */
    private record Root(String ref, RevObject target) {
    }

    private record Roots(List<RevCommit> commits, List<Root> others) {
    }

    private Roots roots(RevWalk walk) {
        List<RevCommit> commits = new ArrayList<>();
        List<Root> others = new ArrayList<>();
        List<Ref> refs;
        List<ReflogEntry> stashes;
        try {
            refs = repository.getRefDatabase().getRefs();
            ReflogReader stashLog = repository.getRefDatabase().getReflogReader(Constants.R_STASH);
            stashes = stashLog == null ? List.of() : stashLog.getReverseEntries();
        } catch (IOException | RuntimeException e) {
            throw new VaultDamagedException(GitErrorKind.REPOSITORY_DAMAGED, ErrorFacts.of(Fact.PATH,
                    repository.getDirectory(), Fact.DETAIL, "its refs could not be listed: " + e.getClass().getSimpleName()));
        }
        for (Ref ref : refs) {
            ObjectId id = ref.getObjectId();
            if (id != null) { // an unborn branch (a repository with no commits yet) points nowhere
                root(walk, ref.getName(), id, commits, others);
            }
        }
        for (int i = 0; i < stashes.size(); i++) {
            root(walk, "stash@{" + i + "}", stashes.get(i).getNewId(), commits, others);
        }
        return new Roots(commits, others);
    }

    private void root(RevWalk walk, String name, ObjectId id, List<RevCommit> commits, List<Root> others) {
        try {
            RevObject target = walk.peel(walk.parseAny(id));
            switch (target) {
                case RevCommit commit -> commits.add(commit);
                case RevTree tree -> others.add(new Root(name, tree));
                case RevBlob blob -> others.add(new Root(name, blob));
                default -> { } // a tag that names nothing scannable
            }
        } catch (IOException e) {
            problem(GitProblems.of(name, id, e));
        }
    }

    /**
     * Every commit reachable from {@code starts}, each after all of its parents (a depth-first walk kept on
     * a stack, so a history of any length needs no deep recursion); null when cancelled.
     */
    private List<RevCommit> oldestFirst(RevWalk walk, List<RevCommit> starts) {
        RevFlag expanded = walk.newFlag("expanded");
        RevFlag listed = walk.newFlag("listed");
        RevFlag broken = walk.newFlag("broken");
        List<RevCommit> order = new ArrayList<>();
        Deque<RevCommit> stack = new ArrayDeque<>(starts);
        while (!stack.isEmpty()) {
            RevCommit commit = stack.peek();
            if (commit.has(listed) || commit.has(broken)) {
                stack.pop();
            } else if (!commit.has(expanded)) {
                commit.add(expanded);
                try {
                    walk.parseHeaders(commit);
                } catch (IOException e) {
                    commit.add(broken);
                    problem(GitProblems.of("commit " + commit.name(), commit, e));
                    continue;
                }
                for (RevCommit parent : commit.getParents()) {
                    if (!parent.has(listed) && !parent.has(broken)) {
                        stack.push(parent);
                    }
                }
            } else {
                stack.pop();
                commit.add(listed);
                order.add(commit);
                if (order.size() % 1000 == 0) {
                    listener.progress(order.size(), -1);
                    if (listener.cancelled()) {
                        return null;
                    }
                }
            }
        }
        return order;
    }

    /** Hands on the blobs {@code commit} added or changed; false when cancelled. */
    private boolean changedBlobs(RevWalk walk, TreeWalk trees, RevCommit commit, RevFlag seen) {
        try {
            trees.reset();
            trees.setRecursive(true);
            trees.addTree(commit.getTree());
            for (RevCommit parent : commit.getParents()) {
                if (parent.getTree() != null) { // a parent that could not be read was reported already
                    trees.addTree(parent.getTree());
                }
            }
            trees.setFilter(trees.getTreeCount() > 1 ? TreeFilter.ANY_DIFF : TreeFilter.ALL);
            while (trees.next()) {
                if (isFile(trees.getRawMode(0))) {
                    if (listener.cancelled()) {
                        return false;
                    }
                    visit(walk, seen, trees.getObjectId(0), GitLocation.inCommit(commit.name(), trees.getPathString()));
                }
            }
        } catch (IOException e) {
            problem(GitProblems.of("commit " + commit.name(), commit.getTree() == null ? commit : commit.getTree(), e));
        }
        return true;
    }

    /** Hands on every blob of a tree or the blob a ref names directly; false when cancelled. */
    private boolean otherRoot(RevWalk walk, TreeWalk trees, Root root, RevFlag seen) {
        if (root.target() instanceof RevBlob blob) {
            visit(walk, seen, blob, new GitLocation(Optional.empty(), root.ref()));
            return true;
        }
        try {
            trees.reset();
            trees.setRecursive(true);
            trees.setFilter(TreeFilter.ALL);
            trees.addTree(root.target());
            while (trees.next()) {
                if (isFile(trees.getRawMode(0))) {
                    if (listener.cancelled()) {
                        return false;
                    }
                    visit(walk, seen, trees.getObjectId(0),
                            new GitLocation(Optional.empty(), root.ref() + ":" + trees.getPathString()));
                }
            }
        } catch (IOException e) {
            problem(GitProblems.of(root.ref(), root.target(), e));
        }
        return true;
    }

    /** Regular and executable files; not submodules (their commits live elsewhere), links or gone entries. */
    static boolean isFile(int rawMode) {
        return (rawMode & FileMode.TYPE_MASK) == FileMode.TYPE_FILE;
    }

    private void visit(RevWalk walk, RevFlag seen, AnyObjectId id, GitLocation location) {
        RevBlob blob = walk.lookupBlob(id);
        if (blob.has(seen)) {
            return;
        }
        blob.add(seen);
        if (visitBlob(walk.getObjectReader(), blob, location, listener)) {
            blobs++;
        } else {
            problems++;
        }
    }

    /** Hands one blob to {@code listener}; a read failure becomes a problem. True when it was handed on whole. */
    static boolean visitBlob(ObjectReader reader, AnyObjectId id, GitLocation location, GitScanListener listener) {
        try {
            long size = reader.getObjectSize(id, Constants.OBJ_BLOB);
            listener.blob(new GitBlob(location, id.toObjectId(), size, reader));
            return true;
        } catch (IOException | LargeObjectException e) {
            listener.problem(GitProblems.of(location.describe(), id, e));
            return false;
        }
    }

    private void problem(GitProblem problem) {
        problems++;
        listener.problem(problem);
    }
}
