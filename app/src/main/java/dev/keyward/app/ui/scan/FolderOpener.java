package dev.keyward.app.ui.scan;

import dev.keyward.app.ui.discovery.SourceOpener;
import dev.keyward.vault.OperationFailedException;
import dev.keyward.vault.process.ChildEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Opens a folder in the system's file manager, for a finding's "Open folder"; tests put in one that records
 * the folder instead of starting a file manager.
 */
@FunctionalInterface
public interface FolderOpener {

    /** Opens {@code folder}; called on a background thread, since a file manager can take its time to start. */
    void open(Path folder);

    /**
     * The platform's opener ({@code xdg-open}, {@code open}, or the Windows handler) with a file address, started
     * with {@link ChildEnvironment}'s environment (AWT's {@code Desktop.open} would hand the file manager
     * Keyward's whole environment).
     */
    static FolderOpener system() {
        return folder -> {
            List<String> command = SourceOpener.openerCommand(folder.toUri(), System.getProperty("os.name", ""),
                    System.getenv(), Files::isExecutable).orElseThrow(() -> new OperationFailedException(
                    "This system offers Keyward no file manager to open " + folder + " with."));
            try {
                Process opener = ChildEnvironment.processBuilder(command)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                opener.getOutputStream().close();
            } catch (IOException e) {
                throw new OperationFailedException("The file manager could not be started to open " + folder + ".", e);
            }
        };
    }
}
