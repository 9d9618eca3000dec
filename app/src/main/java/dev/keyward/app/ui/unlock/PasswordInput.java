package dev.keyward.app.ui.unlock;

import dev.keyward.vault.crypto.Password;
import javafx.scene.control.TextField;

/**
 * Reads a password field into a wipeable {@code char[]}, character by character, so our side
 * never builds a {@code String} of it.
 */
public final class PasswordInput {

    private PasswordInput() {
    }

    /** The field's characters as a {@link Password}; the field is cleared. */
    public static Password take(TextField field) {
        Password p = Password.adopt(peek(field));
        field.clear();
        return p;
    }

    /** A copy of the field's characters that the caller wipes; the field keeps its text. */
    public static char[] peek(TextField field) {
        CharSequence text = field.getCharacters();
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = text.charAt(i);
        }
        return out;
    }
}
