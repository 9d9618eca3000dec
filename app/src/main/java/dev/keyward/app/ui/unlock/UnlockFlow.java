package dev.keyward.app.ui.unlock;

import dev.keyward.vault.crypto.Password;
import dev.keyward.vault.profile.ProfileSummary;
import dev.keyward.vault.session.VaultSession;

/** What the unlock screen asks of the shell around it. */
public interface UnlockFlow {

    /**
     * Opens (or, when the window was only locked, re-admits the user to) the profile; runs on a
     * background thread and throws the vault's typed errors.
     */
    VaultSession unlock(ProfileSummary profile, Password password);

    /** A session that arrived after the user cancelled. */
    void discard(VaultSession session);

    /** The password was right. */
    void unlocked(VaultSession session);

    /** The user wants a new profile. */
    void newProfile();

    /** Profiles changed on disk (a restore); show the screen again with a fresh list and {@code sentence}. */
    void reloadProfiles(ProfileSummary select, String sentence);

    /** Only while a session is kept behind the lock: close it so another profile can be chosen. */
    void stopAndSwitch();
}
