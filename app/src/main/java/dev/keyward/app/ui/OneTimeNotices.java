package dev.keyward.app.ui;

import dev.keyward.vault.io.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Remembers, in a small file of the data folder, which one-time notices the user has seen
 * ("closing the window quits"), so each is shown once, not at every start.
 */
public final class OneTimeNotices {

    private final Path file;

    public OneTimeNotices(Path file) {
        this.file = file;
    }

    /** True the first time it is asked about {@code key}; records that it was shown. */
    public synchronized boolean firstTime(String key) {
        Properties seen = read();
        if (seen.containsKey(key)) {
            return false;
        }
        seen.setProperty(key, "shown");
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            seen.store(out, "Keyward desktop: notices already shown");
            AtomicFiles.write(file, out.toByteArray());
        } catch (IOException e) {
            // Not worth an error: at worst the notice shows again next time.
        }
        return true;
    }

    private Properties read() {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                // An unreadable notes file only means notices may repeat.
            }
        }
        return p;
    }
}
