package dev.keyward.app.cli;

import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.env.DotenvFile;
import dev.keyward.vault.refs.Reference;
import dev.keyward.vault.refs.ReferenceTemplate;
import java.nio.CharBuffer;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code keyward://} references that {@code inject}'s template or {@code run --env-file}'s dotenv file
 * names, read as those commands read them, so that the person approving such a command through the agent
 * sees which secrets it will resolve; and the check that holds the approved command to those references
 * (the file could be changed between the approval and the run).
 */
public final class FileReferences {

    private FileReferences() {
    }

    /** The references in the values of the dotenv file {@code file} (comments and names are not values). */
    public static Set<Reference> inEnvFile(Path file) {
        String name = String.valueOf(file.getFileName());
        char[] text = DotenvFile.readText(file);
        Set<Reference> references = new LinkedHashSet<>();
        try (DotenvFile.Contents contents = DotenvFile.parse(text, name)) {
            for (char[] value : contents.values().values()) {
                references.addAll(ReferenceTemplate.of(CharBuffer.wrap(value), name).references());
                if (references.size() > ReferenceTemplate.MAX_DISTINCT) {
                    // The run refuses such a file before reading any value; there is nothing to name.
                    throw new InvalidInputException("The file names more than " + ReferenceTemplate.MAX_DISTINCT
                            + " distinct keyward:// references.");
                }
            }
        } finally {
            Wipe.chars(text);
        }
        return references;
    }

    /** The references in the template {@code file} of {@code inject}. */
    public static Set<Reference> inTemplate(Path file) {
        return ReferenceTemplate.of(InjectCommand.readText(file),
                String.valueOf(file.getFileName())).references();
    }

    /**
     * Refuses {@code wanted} unless every reference of it was approved ({@code approved} empty: the command
     * was not approved by its references, as on the direct path).
     *
     * @throws InvalidInputException naming the first references that were not approved
     */
    static void check(Optional<Set<Reference>> approved, Collection<Reference> wanted, String nothingDone) {
        if (approved.isEmpty()) {
            return;
        }
        List<String> outside = wanted.stream().filter(r -> !approved.get().contains(r)).map(Reference::toString)
                .limit(5).toList();
        if (!outside.isEmpty()) {
            throw new InvalidInputException("The file now names " + String.join(", ", outside)
                    + ", which the approval did not name (it changed after it was approved). " + nothingDone);
        }
    }
}
