package dev.keyward.vault.testing;

import dev.keyward.vault.crypto.Argon2Params;
import dev.keyward.vault.crypto.Password;
import dev.keyward.vault.profile.DataRoot;
import dev.keyward.vault.profile.ProfileSummary;
import dev.keyward.vault.session.ProfileService;
import dev.keyward.vault.session.VaultSession;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A real profile in a temporary data folder, created with the floor Argon2id parameters so that
 * tests unlock quickly; keeps its password and recovery code as text for the test to reuse.
 */
public record TestProfile(ProfileService service, ProfileSummary summary, String passwordText, String recoveryCodeText) {

    /** The cheapest parameters {@link ProfileService} accepts (OWASP's minimum). */
    public static final Argon2Params FAST_KDF = Argon2Params.FLOOR;
    public static final String DEFAULT_PASSWORD = "correct horse battery staple";

    public static ProfileService service(Path dataFolder) {
        return service(dataFolder, Clock.systemUTC());
    }

    public static ProfileService service(Path dataFolder, Clock clock) {
        return new ProfileService(new DataRoot(dataFolder), clock, FAST_KDF, "cli");
    }

    /** Creates profile {@code name} with {@link #DEFAULT_PASSWORD} in {@code dataFolder}. */
    public static TestProfile create(Path dataFolder, String name) {
        return create(service(dataFolder), name, DEFAULT_PASSWORD);
    }

    public static TestProfile create(ProfileService service, String name, String password) {
        ProfileService.Created created = service.create(name, password(password));
        try (Password recovery = created.recoveryCode()) {
            return new TestProfile(service, created.profile(), password, new String(recovery.chars()));
        }
    }

    /** A fresh password object (the service wipes the ones it is given). */
    public static Password password(String text) {
        return Password.copyOf(text.toCharArray());
    }

    public Password password() {
        return password(passwordText);
    }

    public Password recoveryCode() {
        return password(recoveryCodeText);
    }

    /** Unlocks with the password: the full path, key derivation included. */
    public VaultSession unlock() {
        return service.unlock(summary, password());
    }

    /** The unwrapped profile vault key, for tests that open the vault many times. */
    public byte[] unwrapKey() {
        return service.unwrapKey(summary, password());
    }

    /** Opens with an already unwrapped key (a copy is handed over): unlock without the KDF. */
    public VaultSession open(byte[] profileVaultKey) {
        return service.open(summary, profileVaultKey.clone());
    }

    public Path folder() {
        return summary.location().folder();
    }
}
