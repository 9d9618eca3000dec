package dev.keyward.app.ui.shell;

import dev.keyward.vault.profile.ProfileSummary;

/**
 * The one line that says which lock is in force (and whether the open profile can only be read): the
 * window title, the tray tooltip and the status bar.
 */
final class StatusText {

    private StatusText() {
    }

    static String of(LockState state, ProfileSummary profile, boolean readOnly) {
        String name = profile == null ? null : profile.name();
        return switch (state) {
            case UNLOCKED -> "Keyward — " + name + " — unlocked" + (readOnly ? ", read-only" : "");
            case LOCKED -> "Keyward — " + name + " — locked; background jobs continue, keys stay in memory";
            case STOPPED -> "Keyward — locked and stopped";
        };
    }
}
