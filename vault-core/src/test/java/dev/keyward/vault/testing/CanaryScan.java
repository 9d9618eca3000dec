package dev.keyward.vault.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Searches every file under a folder for planted canaries; the result names each hit. */
public final class CanaryScan {

    private CanaryScan() {
    }

    /** Every regular file under {@code root} that {@code include} accepts and that holds a canary. */
    public static List<String> hits(Path root, Predicate<Path> include, List<Canary> canaries) {
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).filter(include).toList()) {
                hits.addAll(hitsInFile(file, canaries));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hits;
    }

    public static List<String> hitsInFile(Path file, List<Canary> canaries) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> hits = new ArrayList<>();
        for (Canary canary : canaries) {
            String encoding = canary.encodingFoundIn(bytes);
            if (encoding != null) {
                hits.add(file + " holds canary " + canary.value() + " (" + encoding + ")");
            }
        }
        return hits;
    }

    /** Files Keyward keeps encrypted as a whole (SQLCipher), which a plain-text scan cannot judge. */
    public static boolean isNotVaultDatabase(Path file) {
        String name = file.getFileName().toString();
        return !name.equals("vault.db") && !name.equals("vault.db-wal") && !name.equals("vault.db-shm");
    }
}
