package dev.keyward.automation.program;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds files kept at the repository root (samples, docs) from a test running in the module folder. */
final class RepositoryFiles {

    private RepositoryFiles() {}

    static Path root() {
        Path dir = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        for (Path at = dir; at != null; at = at.getParent()) {
            if (Files.isDirectory(at.resolve("samples/programs")) && Files.isRegularFile(at.resolve("pom.xml"))) {
                return at;
            }
        }
        throw new IllegalStateException("No folder above " + dir + " holds samples/programs; run from the repository.");
    }
}
