package dev.keyward.vault.profile;

import dev.keyward.vault.crypto.Argon2Params;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The non-secret header of a profile ({@code profile.json}): who it is, how its key-encryption
 * keys are derived, and the profile vault key wrapped twice (by the password and by the
 * recovery code).
 */
public record ProfileHeader(
        int formatVersion,
        String profileId,
        String profileName,
        String createdAt,
        Argon2Params kdf,
        byte[] passwordSalt,
        byte[] passwordWrappedKey,
        byte[] recoverySalt,
        byte[] recoveryWrappedKey) {

    public static final int FORMAT_VERSION = 1;

    /** Which secret unwraps the profile vault key. */
    public enum Unlocker { PASSWORD, RECOVERY_CODE }

    /**
     * Associated data of a wrap: binds the wrapped key to this profile, its KDF parameters and
     * salt, so that a header edited to other parameters fails to unwrap rather than weakening.
     */
    public byte[] wrapBinding(Unlocker unlocker) {
        byte[] salt = unlocker == Unlocker.PASSWORD ? passwordSalt : recoverySalt;
        String binding = "keyward-pvk-wrap/v" + formatVersion + "/" + unlocker + "/" + profileId + "/" + kdf
                + "/" + Base64.getEncoder().encodeToString(salt);
        return binding.getBytes(StandardCharsets.UTF_8);
    }

    public ProfileHeader withPasswordWrap(byte[] salt, byte[] wrapped) {
        return new ProfileHeader(formatVersion, profileId, profileName, createdAt, kdf, salt, wrapped,
                recoverySalt, recoveryWrappedKey);
    }
}
