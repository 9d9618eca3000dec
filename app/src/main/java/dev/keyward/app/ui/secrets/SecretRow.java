package dev.keyward.app.ui.secrets;

import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.secrets.SecretInfo;
import java.util.Set;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A secret as a row of the list: its metadata, the projects that use it, and its value cell,
 * masked unless the user revealed it.
 */
public final class SecretRow {

    private final SecretInfo info;
    private final Set<String> projects;
    private final long ageDays;
    private final ReadOnlyStringWrapper shown = new ReadOnlyStringWrapper();
    private char[] revealed;

    SecretRow(SecretInfo info, Set<String> projects, long ageDays) {
        this.info = info;
        this.projects = projects;
        this.ageDays = ageDays;
        shown.set(masked());
    }

    public SecretInfo info() {
        return info;
    }

    public Set<String> projects() {
        return projects;
    }

    public long ageDays() {
        return ageDays;
    }

    public ReadOnlyStringProperty shownValue() {
        return shown.getReadOnlyProperty();
    }

    public boolean isRevealed() {
        return revealed != null;
    }

    /** Shows {@code value} (taken over: it is wiped on {@link #hide()}). */
    void reveal(char[] value) {
        hide();
        revealed = value;
        // The table cell needs a String; it is dropped on hide, lock and quit.
        shown.set(new String(value));
    }

    void hide() {
        if (revealed != null) {
            Wipe.chars(revealed);
            revealed = null;
        }
        shown.set(masked());
    }

    private String masked() {
        return info.last4() == null || info.last4().isEmpty() ? "••••••••" : "••••••••" + info.last4();
    }
}
