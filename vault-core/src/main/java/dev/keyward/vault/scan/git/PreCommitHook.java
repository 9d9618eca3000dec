package dev.keyward.vault.scan.git;

import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.Fact;
import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.OperationFailedException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Repository;

/**
 * Writes a repository's {@code pre-commit} hook where git looks for it ({@code core.hooksPath} when set,
 * else the repository's {@code hooks} folder). A hook Keyward did not write is never overwritten unless
 * asked, and then it is kept next to the new one under another name, never lost.
 */
public final class PreCommitHook {

    /** The line every hook Keyward writes holds; a hook with it may be replaced without asking. */
    public static final String MARKER = "# keyward-pre-commit-hook";

    /** The name the hook has in its folder. */
    public static final String NAME = "pre-commit";

    /**
     * What was installed.
     *
     * @param hook        the hook file written
     * @param keptCopy    where the hook that was there before now is, when one was replaced on request
     * @param replacedOwn whether an earlier hook of Keyward's was replaced
     */
    public record Installed(Path hook, Optional<Path> keptCopy, boolean replacedOwn) {
    }

    private PreCommitHook() {
    }

    /** Where git runs {@code repository}'s pre-commit hook from; {@code env} supplies HOME for a {@code ~/} path. */
    public static Path location(Repository repository, Map<String, String> env) {
        String configured = repository.getConfig().getString(ConfigConstants.CONFIG_CORE_SECTION, null, "hooksPath");
        if (configured == null || configured.isBlank()) {
            return repository.getCommonDirectory().toPath().resolve("hooks").resolve(NAME);
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        Path folder;
        if (configured.equals("~") || configured.startsWith("~/")) {
            folder = Path.of(home, configured.substring(1).replaceFirst("^/", ""));
        } else {
            // git runs hooks in the working tree's top folder (in the repository folder when bare), and reads a
            // relative hooksPath from there.
            Path base = repository.isBare() ? repository.getDirectory().toPath() : repository.getWorkTree().toPath();
            folder = base.resolve(configured);
        }
        return folder.toAbsolutePath().normalize().resolve(NAME);
    }

    /**
     * Installs {@code script} (which holds {@link #MARKER}) as {@code repository}'s pre-commit hook.
     *
     * @throws InvalidInputException    when a hook Keyward did not write is there and {@code replace} is false
     * @throws OperationFailedException when the hook could not be written; the old one is then still in place
     */
    public static Installed install(Repository repository, String script, boolean replace, Map<String, String> env) {
        if (!script.contains(MARKER)) {
            throw new IllegalArgumentException("a Keyward hook holds its marker line");
        }
        Path hook = location(repository, env);
        try {
            boolean exists = Files.exists(hook, LinkOption.NOFOLLOW_LINKS);
            boolean own = exists && isKeywards(hook);
            if (exists && !own && !replace) {
                throw new InvalidInputException(GitErrorKind.HOOK_EXISTS, ErrorFacts.of(Fact.PATH, hook));
            }
            Files.createDirectories(hook.getParent());
            Path written = Files.createTempFile(hook.getParent(), ".pre-commit-", ".keyward");
            try {
                Files.writeString(written, script, StandardCharsets.UTF_8);
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
                Optional<Path> kept = Optional.empty();
                if (exists && !own) {
                    kept = Optional.of(freeCopyName(hook));
                    Files.move(hook, kept.get()); // a rename: the old hook keeps its content, mode and link
                }
                try {
                    moveOver(written, hook);
                } catch (IOException e) {
                    if (kept.isPresent()) {
                        Files.move(kept.get(), hook); // put the old hook back where it was
                    }
                    throw e;
                }
                return new Installed(hook, kept, own);
            } finally {
                Files.deleteIfExists(written);
            }
        } catch (IOException e) {
            throw new OperationFailedException(GitErrorKind.HOOK_NOT_WRITTEN, ErrorFacts.of(Fact.PATH, hook,
                    Fact.DETAIL, e.getClass().getSimpleName()));
        }
    }

    /** Whether the hook at {@code hook} is a regular file Keyward wrote (it holds the marker line). */
    private static boolean isKeywards(Path hook) throws IOException {
        if (!Files.isRegularFile(hook, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(hook)) {
            return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8).contains(MARKER);
        }
    }

    /** {@code pre-commit.keyward-saved}, or with a number when that name is taken too. */
    private static Path freeCopyName(Path hook) {
        Path copy = hook.resolveSibling(NAME + ".keyward-saved");
        for (int n = 2; Files.exists(copy, LinkOption.NOFOLLOW_LINKS); n++) {
            copy = hook.resolveSibling(NAME + ".keyward-saved-" + n);
        }
        return copy;
    }

    private static void moveOver(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
