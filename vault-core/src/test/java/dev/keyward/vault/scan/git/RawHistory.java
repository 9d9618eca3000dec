package dev.keyward.vault.scan.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.PackInserter;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A long history written straight into a repository's object store with JGit's {@link ObjectInserter} (its
 * pack inserter): no working tree, index or porcelain, so thousands of commits take a second or two. Files
 * sit in one folder.
 */
final class RawHistory implements AutoCloseable {

    final Repository repository;
    private final ObjectInserter inserter;
    private final Map<String, ObjectId> files = new TreeMap<>(); // git sorts a flat tree's names like this
    private final List<ObjectId> commits = new ArrayList<>();
    private ObjectId head;

    RawHistory(Path dir) throws IOException {
        repository = FileRepositoryBuilder.create(dir.resolve(".git").toFile());
        repository.create();
        // One pack written at the end (JGit's own pack inserter), not a loose file per object: real histories
        // are packed, and thousands of loose files would take most of the test's time.
        PackInserter pack = ((ObjectDirectory) repository.getObjectDatabase()).newPackInserter();
        pack.checkExisting(false);
        pack.setCompressionLevel(1);
        inserter = pack;
    }

    RawHistory put(String name, String content) throws IOException {
        files.put(name, inserter.insert(Constants.OBJ_BLOB, content.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    RawHistory remove(String name) {
        files.remove(name);
        return this;
    }

    /** Commits the files as they are now on top of the last commit; returns its id. */
    ObjectId commit(String message) throws IOException {
        TreeFormatter tree = new TreeFormatter();
        files.forEach((name, id) -> tree.append(name, FileMode.REGULAR_FILE, id));
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(inserter.insert(tree));
        if (head != null) {
            commit.setParentId(head);
        }
        commit.setAuthor(RepoBuilder.WHO);
        commit.setCommitter(RepoBuilder.WHO);
        commit.setMessage(message);
        head = inserter.insert(commit);
        commits.add(head);
        return head;
    }

    /** Points {@code refs/heads/main} at the last commit. */
    RawHistory publish() throws IOException {
        inserter.flush();
        RefUpdate update = repository.updateRef(Constants.R_HEADS + "main");
        update.setNewObjectId(head);
        update.forceUpdate();
        return this;
    }

    @Override
    public void close() {
        inserter.close();
        repository.close();
    }
}
