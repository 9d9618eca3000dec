package dev.keyward.app.ui.shell;

import dev.keyward.app.ui.DesktopServices;
import dev.keyward.app.ui.unlock.UnlockFlow;
import dev.keyward.vault.crypto.Password;
import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.profile.ProfileSummary;
import dev.keyward.vault.session.VaultSession;

/**
 * The unlock screen's link to the shell. With no session it opens the profile; when the window
 * was only locked (the session kept its keys for background jobs) it checks the password by
 * unwrapping the profile key again and hands back the kept session.
 */
final class Unlocking implements UnlockFlow {

    private final DesktopShell shell;
    private final DesktopServices services;

    Unlocking(DesktopShell shell, DesktopServices services) {
        this.shell = shell;
        this.services = services;
    }

    @Override
    public VaultSession unlock(ProfileSummary profile, Password password) {
        VaultSession kept = keptSession();
        if (kept != null && kept.profileId().equals(profile.id())) {
            byte[] key = services.profiles().unwrapKey(profile, password);
            Wipe.bytes(key);
            return kept;
        }
        return services.profiles().unlock(profile, password);
    }

    @Override
    public void discard(VaultSession session) {
        if (session != keptSession()) {
            session.close();
        }
    }

    @Override
    public void unlocked(VaultSession session) {
        StartupMarks.now("unlocked");
        shell.adopt(session, shell::showMain);
    }

    @Override
    public void newProfile() {
        shell.showCreate(true);
    }

    @Override
    public void reloadProfiles(ProfileSummary select, String sentence) {
        shell.showProfiles(select, sentence);
    }

    @Override
    public void stopAndSwitch() {
        shell.lockAndStop();
    }

    /** Read on a background thread too: the lifecycle guards its own fields. */
    private VaultSession keptSession() {
        return shell.keptSession();
    }
}
