package dev.keyward.automation.scripts;

import dev.keyward.vault.crypto.Argon2Params;
import dev.keyward.vault.crypto.Password;
import dev.keyward.vault.profile.DataRoot;
import dev.keyward.vault.session.ProfileService;
import dev.keyward.vault.session.VaultSession;
import java.nio.file.Path;
import java.time.Clock;

/** A real profile (SQLCipher vault, cheapest accepted KDF) in a temporary folder, unlocked for a test. */
public final class TestVault {

    public static final String PASSWORD = "test-vault-password";

    private TestVault() {
    }

    /** Creates profile "test" under {@code root} and unlocks it with automation enabled. */
    public static VaultSession open(Path root) {
        ProfileService profiles = new ProfileService(new DataRoot(root), Clock.systemUTC(), Argon2Params.FLOOR, "app");
        try (Password password = Password.copyOf(PASSWORD.toCharArray())) {
            ProfileService.Created created = profiles.create("test", password);
            created.recoveryCode().close();
            VaultSession session = profiles.unlock(created.profile(), password);
            session.enableAutomation();
            return session;
        }
    }
}
