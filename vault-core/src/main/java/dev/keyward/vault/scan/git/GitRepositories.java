package dev.keyward.vault.scan.git;

import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.Fact;
import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.VaultDamagedException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Opens the git repository a path is in: a working tree's {@code .git} (a folder or a {@code gitdir:} file)
 * or a bare repository, found from the path upwards as git finds it.
 */
public final class GitRepositories {

    /** The variable git sets for a hook when the commit is made from another index than the usual one. */
    public static final String INDEX_FILE_VARIABLE = "GIT_INDEX_FILE";

    private GitRepositories() {
    }

    /**
     * The repository {@code start} is in. {@code env} is the caller's environment: its
     * {@value #INDEX_FILE_VARIABLE} (relative to {@code start}) names the index a hook must read, as
     * {@code git commit -a} and {@code git commit FILE} stage into a temporary one.
     *
     * @throws InvalidInputException  when {@code start} is in no repository
     * @throws VaultDamagedException  when the repository's own files cannot be read
     */
    public static Repository open(Path start, Map<String, String> env) {
        Path absolute = start.toAbsolutePath().normalize();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true).findGitDir(absolute.toFile());
        if (builder.getGitDir() == null) {
            throw new InvalidInputException(GitErrorKind.NOT_A_REPOSITORY, ErrorFacts.of(Fact.PATH, absolute));
        }
        String indexFile = env.get(INDEX_FILE_VARIABLE);
        if (indexFile != null && !indexFile.isBlank()) {
            builder.setIndexFile(absolute.resolve(indexFile).toFile());
        }
        try {
            return builder.build();
        } catch (IOException | RuntimeException e) {
            // JGit's message may quote a line of the config, which can hold a credential: only its type is told.
            throw new VaultDamagedException(GitErrorKind.REPOSITORY_DAMAGED, ErrorFacts.of(Fact.PATH, builder.getGitDir(),
                    Fact.DETAIL, e.getClass().getSimpleName()));
        }
    }
}
