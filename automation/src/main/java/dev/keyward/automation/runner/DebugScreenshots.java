package dev.keyward.automation.runner;

import dev.keyward.vault.OperationFailedException;
import dev.keyward.vault.io.AtomicFiles;
import dev.keyward.vault.secrets.FieldCipher;
import dev.keyward.vault.session.VaultSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Keeps a run's screenshots in {@code profiles/<id>/debug/}, encrypted with the field key (AES-GCM). The
 * associated data names the profile, the run and the file, so a file renamed or moved to another run does
 * not decrypt. File names hold only the run id, a counter and a step id or screenshot name, never page text.
 */
public final class DebugScreenshots {

    /** What a stored screenshot file ends with; the bytes are ciphertext, not a PNG. */
    public static final String SUFFIX = ".png.enc";

    private static final Pattern SAFE_LABEL = Pattern.compile("[a-z0-9_-]{1,64}");

    private final VaultSession session;
    private final FieldCipher cipher;

    public DebugScreenshots(VaultSession session) {
        this.session = session;
        this.cipher = new FieldCipher(session.keys());
    }

    /**
     * Encrypts and writes a screenshot.
     *
     * @param label a step id or screenshot name ({@code [a-z0-9_-]}, as the program format guarantees)
     * @return the file's path relative to the profile folder, e.g. {@code debug/<run>-02-save-cap.png.enc}
     */
    public String store(String executionId, int sequence, String label, byte[] png) {
        String safe = SAFE_LABEL.matcher(label).matches() ? label : "screenshot";
        String fileName = executionId + "-" + String.format("%02d", sequence) + "-" + safe + SUFFIX;
        Path folder = session.location().debugFolder();
        try {
            Files.createDirectories(folder);
            AtomicFiles.restrictFolderToOwner(folder);
            Path file = folder.resolve(fileName);
            AtomicFiles.write(file, cipher.seal(png, place(executionId, fileName)));
            AtomicFiles.restrictToOwner(file);
        } catch (IOException e) {
            throw new OperationFailedException("A debug screenshot could not be written to the profile's debug folder;"
                    + " check the free disk space.", e);
        }
        return "debug/" + fileName;
    }

    /** Decrypts a stored screenshot back to PNG bytes (the desktop shows it; tests check it). */
    public byte[] open(String executionId, String relativePath) {
        Path file = session.location().folder().resolve(relativePath).normalize();
        if (!file.startsWith(session.location().debugFolder())) {
            throw new OperationFailedException("That screenshot path is outside the profile's debug folder.");
        }
        try {
            return cipher.open(Files.readAllBytes(file), place(executionId, file.getFileName().toString()));
        } catch (IOException e) {
            throw new OperationFailedException("The screenshot file could not be read; it may have been removed by"
                    + " the 7-day retention.", e);
        }
    }

    private String place(String executionId, String fileName) {
        return "debug-screenshot/" + session.profileId() + "/" + executionId + "/" + fileName;
    }
}
