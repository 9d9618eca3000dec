package dev.keyward.vault.adopt;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What adopting the {@code .env} files under a folder would do, per file and per variable, shown
 * before anything is written. It names variables, projects and secrets, never a value.
 *
 * @param root    the folder (or file) that was searched
 * @param files   the files that would be adopted, in path order
 * @param skipped files that were found but are left alone, with the reason
 */
public record AdoptPlan(Path root, List<FilePlan> files, List<Skipped> skipped) {

    /** What happens to one variable. */
    public enum Action {
        /** Its value becomes a new secret. */
        NEW,
        /** Its value is already held by a secret, which the variable is linked to: no new secret. */
        COPY,
        /** The project already gives this variable this value: nothing is written for it. */
        UNCHANGED,
        /** The project's variable (or the secret it would get) holds a different value: someone must choose. */
        CONFLICT,
        /** The line stays as written: an empty value, a value that is already a reference, or one asked to be kept. */
        KEEP,
        /** It cannot be adopted; the whole adoption is refused until it is kept or fixed. */
        REFUSED
    }

    /** Which value wins a conflict. */
    public enum Winner {
        /** The vault's value stays; the file's goes to the backup only. */
        VAULT,
        /** The file's value becomes the secret's new version; the earlier one is kept as history. */
        FILE
    }

    /**
     * One variable (its last definition, as dotenv reads it) and what happens to it; {@code secret} is the
     * secret it is or will be linked to (null for {@link Action#KEEP} and some refusals) and
     * {@code detail} says why, without the value.
     */
    public record Variable(String name, int line, Action action, String secret, String detail) {
    }

    /**
     * One file: where it is ({@code shown} is its path relative to the root), the project its variables go
     * to and whether that project exists already, its variables in order of first appearance, and the keys
     * it defines more than once (every definition is replaced; the last one is imported).
     */
    public record FilePlan(Path file, String shown, String project, boolean projectExists, List<Variable> variables,
                           Map<String, List<Integer>> repeatedKeys) {

        /** Whether any line of the file is replaced by a reference. */
        public boolean replacesLines() {
            return variables.stream().anyMatch(v -> v.action() != Action.KEEP && v.action() != Action.REFUSED);
        }
    }

    /** A file that was found but is not adopted, and why. */
    public record Skipped(Path file, String shown, String reason) {
    }

    /** Every variable that needs a choice. */
    public List<Variable> conflicts() {
        return files.stream().flatMap(f -> f.variables().stream()).filter(v -> v.action() == Action.CONFLICT).toList();
    }

    /** Every variable that cannot be adopted. */
    public List<Variable> refusals() {
        return files.stream().flatMap(f -> f.variables().stream()).filter(v -> v.action() == Action.REFUSED).toList();
    }

    /** Whether there is anything to do. */
    public boolean isEmpty() {
        return files.stream().noneMatch(FilePlan::replacesLines);
    }
}
