package dev.keyward.automation.retention;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * The debug screenshots of a profile ({@code profiles/<id>/debug/}): files whose last change is
 * before the cutoff go. Symbolic links are neither followed nor deleted, so nothing outside the
 * folder can be reached through it.
 */
final class DebugScreenshots {

    /** Files and bytes removed (or that would be). */
    record Sweep(long files, long bytes) {
    }

    private final Path folder;

    DebugScreenshots(Path folder) {
        this.folder = folder;
    }

    Sweep sweep(Instant cutoff, boolean dryRun) {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return new Sweep(0, 0);
        }
        long files = 0;
        long bytes = 0;
        for (Path file : oldFiles(cutoff)) {
            try {
                long size = Files.size(file);
                if (!dryRun) {
                    Files.deleteIfExists(file);
                }
                files++;
                bytes += size;
            } catch (IOException e) {
                // A file another process removed or locked meanwhile is left for the next run.
            }
        }
        return new Sweep(files, bytes);
    }

    private List<Path> oldFiles(Instant cutoff) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> isOldRegularFile(p, cutoff)).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    private static boolean isOldRegularFile(Path path, Instant cutoff) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return attributes.isRegularFile() && attributes.lastModifiedTime().toInstant().isBefore(cutoff);
        } catch (IOException e) {
            return false;
        }
    }
}
