package dev.keyward.vault.secrets;

import dev.keyward.vault.ErrorFacts;
import dev.keyward.vault.Fact;
import dev.keyward.vault.VaultDamagedException;
import dev.keyward.vault.VaultErrorKind;
import dev.keyward.vault.crypto.AesGcm;
import dev.keyward.vault.profile.ProfileKeys;
import java.nio.charset.StandardCharsets;

/**
 * Encrypts field values (secret values, notes, screenshots, backups) with the profile's field
 * key. The associated data names the place a ciphertext belongs to, so a ciphertext copied into
 * another row does not decrypt.
 */
public final class FieldCipher {

    private final ProfileKeys keys;

    public FieldCipher(ProfileKeys keys) {
        this.keys = keys;
    }

    public byte[] seal(byte[] plaintext, String place) {
        return AesGcm.seal(keys.fieldKey(), plaintext, place.getBytes(StandardCharsets.UTF_8));
    }

    /** Decrypts; a failure means the stored bytes were altered or moved, and is reported as damage. */
    public byte[] open(byte[] ciphertext, String place) {
        try {
            return AesGcm.open(keys.fieldKey(), ciphertext, place.getBytes(StandardCharsets.UTF_8));
        } catch (AesGcm.TagMismatchException e) {
            throw new VaultDamagedException(VaultErrorKind.VALUE_DAMAGED,
                    ErrorFacts.of(Fact.DETAIL, place.replaceAll("/[^/]*$", "")));
        }
    }

    static String valuePlace(String profileId, String secretId, int version) {
        return "secret-value/" + profileId + "/" + secretId + "/" + version;
    }

    static String notesPlace(String profileId, String secretId) {
        return "secret-notes/" + profileId + "/" + secretId;
    }
}
