package dev.keyward.vault.profile;

import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.Fact;
import dev.keyward.vault.VaultErrorKind;
import dev.keyward.vault.WrongPasswordException;
import dev.keyward.vault.crypto.AesGcm;
import dev.keyward.vault.crypto.Argon2idKdf;
import dev.keyward.vault.crypto.Password;
import dev.keyward.vault.crypto.Wipe;

/** Wraps and unwraps the profile vault key with a key derived from a password or recovery code. */
public final class KeyWrapping {

    private KeyWrapping() {
    }

    /**
     * Wraps {@code pvk} for a header whose salts and parameters are already set (the wrapped-key
     * fields are not part of the binding).
     */
    public static byte[] wrapForHeader(byte[] pvk, Password secret, ProfileHeader header, ProfileHeader.Unlocker unlocker) {
        byte[] salt = unlocker == ProfileHeader.Unlocker.PASSWORD ? header.passwordSalt() : header.recoverySalt();
        byte[] secretBytes = secret.utf8();
        byte[] kek = Argon2idKdf.derive(secretBytes, salt, header.kdf());
        try {
            return AesGcm.seal(kek, pvk, header.wrapBinding(unlocker));
        } finally {
            Wipe.bytes(kek, secretBytes);
        }
    }

    /** Returns the PVK (caller owns it) or throws {@link WrongPasswordException}. */
    public static byte[] unwrap(ProfileHeader header, Password secret, ProfileHeader.Unlocker unlocker) {
        byte[] salt = unlocker == ProfileHeader.Unlocker.PASSWORD ? header.passwordSalt() : header.recoverySalt();
        byte[] wrapped = unlocker == ProfileHeader.Unlocker.PASSWORD
                ? header.passwordWrappedKey() : header.recoveryWrappedKey();
        byte[] secretBytes = secret.utf8();
        byte[] kek = Argon2idKdf.derive(secretBytes, salt, header.kdf());
        try {
            return AesGcm.open(kek, wrapped, header.wrapBinding(unlocker));
        } catch (AesGcm.TagMismatchException e) {
            throw new WrongPasswordException(unlocker == ProfileHeader.Unlocker.PASSWORD
                    ? VaultErrorKind.WRONG_PASSWORD : VaultErrorKind.WRONG_RECOVERY_CODE,
                    ErrorFacts.of(Fact.PROFILE, header.profileName()));
        } finally {
            Wipe.bytes(kek, secretBytes);
        }
    }
}
