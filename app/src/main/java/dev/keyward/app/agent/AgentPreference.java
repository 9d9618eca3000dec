package dev.keyward.app.agent;

import dev.keyward.vault.OperationFailedException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Whether the desktop app serves its unlocked profile to the command line: a setting of this data
 * folder (not of a profile, whose settings live inside its encrypted vault and so cannot be read
 * before it is unlocked), kept in {@code agent.properties}. On unless turned off.
 */
public final class AgentPreference {

    private static final String FILE = "agent.properties";
    private static final String KEY = "desktop.serves";

    private final Path file;

    public AgentPreference(Path dataRoot) {
        this.file = dataRoot.resolve(FILE);
    }

    /** True unless the setting was turned off; an unreadable file counts as on. */
    public boolean desktopServes() {
        if (!Files.isRegularFile(file)) {
            return true;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            return true;
        }
        return !"false".equals(p.getProperty(KEY, "true").trim());
    }

    /** Turns serving by the desktop on or off; the app follows at its next unlock. */
    public void setDesktopServes(boolean serves) {
        Properties p = new Properties();
        p.setProperty(KEY, Boolean.toString(serves));
        try {
            Files.createDirectories(file.getParent());
            Path part = Files.createTempFile(file.getParent(), FILE, ".part");
            try (Writer w = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
                p.store(w, "Keyward: whether the desktop app serves its unlocked profile to the command line");
            }
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new OperationFailedException("Could not save the agent setting in " + file + ".", e);
        }
    }
}
