package dev.keyward.vault.adopt;

import dev.keyward.vault.NotFoundException;
import dev.keyward.vault.OperationFailedException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the {@code .env} files under a folder that adopt may turn into references: names that are
 * {@code .env} or start with {@code .env.} / {@code .env-} / {@code .env_}, except templates meant to be
 * committed ({@code .env.example}, {@code .sample}, {@code .template}, {@code .dist} and the like) and
 * direnv's {@code .envrc} (a shell script). It follows no symbolic link and never enters {@code .git} or
 * {@code node_modules}.
 */
public final class EnvFileFinder {

    /** Last name parts that mark a template, compared without case. */
    static final Set<String> TEMPLATE_SUFFIXES = Set.of("example", "examples", "sample", "samples", "template",
            "templates", "tmpl", "tpl", "dist", "defaults", "default", "schema");
    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "node_modules");

    /** What a search found: candidate files in path order, and files passed over with the reason. */
    public record Found(List<Path> files, List<Passed> passed) {
    }

    /** A file or folder passed over, and why. */
    public record Passed(Path path, String reason) {
    }

    private EnvFileFinder() {
    }

    /** Whether {@code name} is a {@code .env} file name adopt takes (not a template). */
    public static boolean isCandidateName(String name) {
        if (!name.equals(".env") && !(name.length() > 5 && name.startsWith(".env")
                && ".-_".indexOf(name.charAt(4)) >= 0)) {
            return false;
        }
        String last = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return !TEMPLATE_SUFFIXES.contains(last) && !name.toLowerCase(Locale.ROOT).endsWith(".keyward-tmp");
    }

    /**
     * Whether adopt takes {@code file}, a regular file another walk of {@code root} came upon (a scan's): its name
     * fits, and it lies in no folder this finder never enters.
     */
    public static boolean isCandidate(Path root, Path file) {
        if (file.getFileName() == null || !isCandidateName(file.getFileName().toString())) {
            return false;
        }
        Path folder = file.getParent();
        if (folder == null || !folder.startsWith(root)) {
            // Not a file of this walk: nothing says it lies outside a skipped folder.
            return false;
        }
        for (Path part : root.relativize(folder)) {
            if (SKIPPED_FOLDERS.contains(part.toString())) {
                return false;
            }
        }
        return true;
    }

    /** The candidate files under {@code root}: a folder is searched, a file is taken when its name fits. */
    public static Found under(Path root) {
        List<Path> files = new ArrayList<>();
        List<Passed> passed = new ArrayList<>();
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new NotFoundException("There is no file or folder " + root + ".");
        }
        if (Files.isRegularFile(root, LinkOption.NOFOLLOW_LINKS)) {
            if (isCandidateName(root.getFileName().toString())) {
                files.add(root);
            } else {
                passed.add(new Passed(root, "its name is not a .env file's, or it is a template"));
            }
            return new Found(files, passed);
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && SKIPPED_FOLDERS.contains(String.valueOf(dir.getFileName()))
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!isCandidateName(file.getFileName().toString())) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isSymbolicLink()) {
                        passed.add(new Passed(file, "it is a symbolic link; adopt the file it points to"));
                    } else if (attrs.isRegularFile()) {
                        files.add(file);
                    } else {
                        passed.add(new Passed(file, "it is not a regular file"));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    passed.add(new Passed(file, "it could not be read"));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            throw new NotFoundException("There is no file or folder " + root + ".");
        } catch (IOException e) {
            throw new OperationFailedException("Could not search " + root + ".", e);
        }
        files.sort(null);
        return new Found(files, passed);
    }
}
