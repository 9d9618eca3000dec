package dev.keyward.app.ui.projects;

import dev.keyward.vault.InvalidInputException;
import dev.keyward.vault.crypto.StrictUtf8;
import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.env.DotenvFile;
import dev.keyward.vault.env.DotenvKeys;
import dev.keyward.vault.env.DotenvWriter;
import dev.keyward.vault.env.UnrepresentableValueException;
import dev.keyward.vault.io.UserFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a .env file into a wipeable {@code char[]} and writes a project's variables to one,
 * atomically and readable by the owner only, the way the command line does. Neither side builds
 * a String of a value.
 */
public final class EnvFiles {

    private EnvFiles() {
    }

    /** The file's text (a regular file of at most 16 MiB, strict UTF-8); the caller wipes it. */
    public static char[] read(Path file) {
        return DotenvFile.readText(file);
    }

    /**
     * Checks {@code file} as a target, and only then decrypts ({@code decrypt} reads and audits the
     * values) and writes them; the values are wiped. A symbolic link, device or missing folder is
     * refused before anything is decrypted or audited, as on the command line. Returns the count.
     */
    public static int export(Path file, java.util.function.Supplier<Map<String, char[]>> decrypt) throws IOException {
        UserFiles.checkWritable(file);
        Map<String, char[]> env = decrypt.get();
        try {
            write(file, env);
            return env.size();
        } finally {
            env.values().forEach(Wipe::chars);
        }
    }

    /** Writes {@code env} as a .env file dotenv reads back to the same values (mode 0600, atomic). */
    public static void write(Path file, Map<String, char[]> env) throws IOException {
        UserFiles.checkWritable(file);
        char[] text = null;
        byte[] bytes = null;
        try {
            text = DotenvWriter.renderChars(new LinkedHashMap<>(env));
            bytes = StrictUtf8.encode(text);
            UserFiles.write(file, bytes);
        } catch (UnrepresentableValueException e) {
            throw new InvalidInputException("Variable " + DotenvKeys.shown(e.key()) + " cannot be written to a .env file "
                    + "(its value mixes every kind of quote with line breaks); nothing was exported.");
        } finally {
            Wipe.chars(text);
            Wipe.bytes(bytes);
        }
    }
}
