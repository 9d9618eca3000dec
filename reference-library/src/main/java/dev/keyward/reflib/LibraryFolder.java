package dev.keyward.reflib;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The layout of {@code <root>/reference_library}: manifest.db, one folder per source, and
 * dot-named work files (downloads, staging and retired folders) that live beside them so
 * every swap is a rename on one file system.
 */
final class LibraryFolder {

    private static final Logger LOG = LoggerFactory.getLogger(LibraryFolder.class);
    private static final String STAGING = ".staging-";
    private static final String RETIRED = ".old-";
    private static final String REMOVED = ".removed-";
    private static final String DOWNLOAD = ".download-";
    private static final int UUID_SUFFIX = 37; // "-" + 36-character UUID

    private final Path dir;

    LibraryFolder(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    Path manifestFile() {
        return dir.resolve("manifest.db");
    }

    Path lockFile() {
        return dir.resolve(".lock");
    }

    Path sourceDir(String name) {
        return dir.resolve(ReferenceSource.requireName(name));
    }

    /** The partial download of one commit; a different commit never resumes it. */
    Path partFile(ReferenceSource source) {
        return dir.resolve(DOWNLOAD + source.name() + "-" + source.commitSha() + source.format().extension() + ".part");
    }

    Path createStaging(String name) throws IOException {
        Files.createDirectories(dir);
        return Files.createDirectory(dir.resolve(STAGING + name + "-" + UUID.randomUUID()));
    }

    Path retiredPathFor(String name) {
        return dir.resolve(RETIRED + name + "-" + UUID.randomUUID());
    }

    /** Where a removed source's folder goes until it is deleted; never restored. */
    Path removedPathFor(String name) {
        return dir.resolve(REMOVED + name + "-" + UUID.randomUUID());
    }

    /** Deletes partial downloads of a source other than {@code keep} (null: all of them). */
    void deleteOtherDownloads(String name, Path keep) {
        forEachChild(DOWNLOAD + name + "-", child -> {
            if (!child.equals(keep)) {
                deleteQuietly(child);
            }
        });
    }

    /**
     * Repairs what a crash mid-sync left behind: a retired folder whose replacement never
     * arrived is moved back; other retired, removed and staging folders are deleted. Call under the lock.
     */
    void recoverInterruptedWork() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        forEachChild(RETIRED, retired -> {
            String fileName = retired.getFileName().toString();
            if (fileName.length() <= RETIRED.length() + UUID_SUFFIX) {
                return;
            }
            String name = fileName.substring(RETIRED.length(), fileName.length() - UUID_SUFFIX);
            Path target = dir.resolve(name);
            try {
                if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    move(retired, target);
                    LOG.info("Restored the reference source folder {} after an interrupted sync", name);
                } else {
                    deleteTree(retired);
                }
            } catch (IOException e) {
                LOG.warn("Could not clean up {} after an interrupted sync", fileName, e);
            }
        });
        forEachChild(STAGING, this::deleteTreeQuietly);
        forEachChild(REMOVED, this::deleteTreeQuietly);
    }

    /** Renames within the library folder; atomic where the file system allows. */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Deletes a folder tree; links inside are deleted, never followed. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path folder, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(folder);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    void deleteTreeQuietly(Path root) {
        try {
            deleteTree(root);
        } catch (IOException e) {
            LOG.warn("Could not delete {}; it can be removed by hand", root, e);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}; it can be removed by hand", file, e);
        }
    }

    private void forEachChild(String prefix, java.util.function.Consumer<Path> action) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir, prefix + "*")) {
            children.forEach(action);
        } catch (IOException e) {
            LOG.warn("Could not list {}", dir, e);
        }
    }
}
