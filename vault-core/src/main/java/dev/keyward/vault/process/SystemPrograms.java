package dev.keyward.vault.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds a system program by its absolute path: Keyward never starts a bare command name, which
 * the PATH (set by whoever started Keyward) could point at another program.
 */
public final class SystemPrograms {

    private SystemPrograms() {
    }

    /** The first of {@code candidates} that is an executable file. */
    public static Optional<Path> find(List<Path> candidates) {
        return find(candidates, Files::isExecutable);
    }

    /** The first of {@code candidates} that {@code present} accepts. */
    public static Optional<Path> find(List<Path> candidates, Predicate<Path> present) {
        return candidates.stream().filter(Path::isAbsolute).filter(present).findFirst();
    }

    /** The {@code kill} program ({@code /bin/kill} or {@code /usr/bin/kill}), if present. */
    public static Optional<Path> kill() {
        return find(List.of(Path.of("/bin/kill"), Path.of("/usr/bin/kill")));
    }
}
