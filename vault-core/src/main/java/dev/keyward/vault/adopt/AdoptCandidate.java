package dev.keyward.vault.adopt;

import java.nio.file.Path;

/**
 * A {@code .env} file as a list of files to adopt names it before any plan is made: the project its values would
 * go to and how many of its variables hold a value to move into the vault. Made from the file alone, never from
 * the vault, so a scan can list the files it walked past without reading a secret; the plan, which compares the
 * values with the vault's, is made when the person asks to adopt one ({@link AdoptService#plan}).
 *
 * @param variables the variables whose value would move (an empty value or a reference stays as written); a
 *                  variable the plan will refuse counts too, so that the plan can say why
 */
public record AdoptCandidate(Path file, String project, int variables) {

    /**
     * Reads {@code file}, named {@code shown} in an error, and wipes what it read.
     *
     * @throws dev.keyward.vault.InvalidInputException naming the file and line when it is not a well-formed
     *                                                 {@code .env} file, or is too large for one
     */
    public static AdoptCandidate read(Path file, String shown) {
        try (EnvSource source = EnvSource.read(file, shown)) {
            int moving = 0;
            for (char[] value : source.contents.values().values()) {
                if (AdoptPlanner.keptAsWritten(value) == null) {
                    moving++;
                }
            }
            return new AdoptCandidate(file, ProjectNames.of(file, null), moving);
        }
    }
}
