package dev.keyward.reflib.index;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The files of an installed source, found without following links.
 *
 * @param regularFiles paths of regular files, '/' separated, relative to the source folder, sorted
 * @param otherEntries links and special files (a sync never creates them), same form
 */
public record SourceTree(List<String> regularFiles, List<String> otherEntries) {

    public static SourceTree walk(Path root) throws IOException {
        List<String> files = new ArrayList<>();
        List<String> others = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                (attributes.isRegularFile() ? files : others).add(relative(root, file));
                return FileVisitResult.CONTINUE;
            }
        });
        Collections.sort(files);
        Collections.sort(others);
        return new SourceTree(List.copyOf(files), List.copyOf(others));
    }

    /** Turns a '/' separated relative path back into a path under {@code root}. */
    public static Path resolve(Path root, String relative) {
        Path path = root;
        for (String segment : relative.split("/")) {
            path = path.resolve(segment);
        }
        return path;
    }

    private static String relative(Path root, Path file) {
        List<String> parts = new ArrayList<>();
        for (Path part : root.relativize(file)) {
            parts.add(part.toString());
        }
        return String.join("/", parts);
    }
}
