package dev.keyward.app.ui;

import dev.keyward.vault.crypto.Wipe;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import javafx.animation.PauseTransition;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.util.Duration;

/**
 * Puts a secret on the clipboard and takes it off again after a delay, unless the clipboard
 * changed since (the user copied something else, which is theirs to keep). Only a digest of
 * the copied text is kept here, never the text. Use on the JavaFX thread.
 */
public final class ClipboardGuard {

    private final Clipboard clipboard;
    private final PauseTransition timer = new PauseTransition();
    private byte[] copiedDigest;

    public ClipboardGuard(Clipboard clipboard) {
        this.clipboard = clipboard;
        timer.setOnFinished(e -> clearIfOurs());
    }

    /** Copies {@code value} (the caller still wipes it) and clears it after {@code clearAfter}. */
    public void copy(char[] value, Duration clearAfter) {
        // The JavaFX clipboard only takes a String; this copy is the one we cannot wipe.
        String text = new String(value);
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        clipboard.setContent(content);
        copiedDigest = digest(text);
        timer.stop();
        timer.setDuration(clearAfter);
        timer.playFromStart();
    }

    /** Clears the clipboard if it still holds what we put there (on lock, and when the timer fires). */
    public void clearIfOurs() {
        timer.stop();
        if (copiedDigest == null) {
            return;
        }
        String now = clipboard.hasString() ? clipboard.getString() : null;
        if (now != null && MessageDigest.isEqual(copiedDigest, digest(now))) {
            clipboard.clear();
        }
        Arrays.fill(copiedDigest, (byte) 0);
        copiedDigest = null;
    }

    /** True while a copied secret waits to be cleared. */
    public boolean isPending() {
        return copiedDigest != null;
    }

    private static byte[] digest(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        try {
            return MessageDigest.getInstance("SHA-256").digest(utf8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        } finally {
            Wipe.bytes(utf8);
        }
    }
}
