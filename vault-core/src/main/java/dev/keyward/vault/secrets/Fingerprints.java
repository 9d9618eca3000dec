package dev.keyward.vault.secrets;

import dev.keyward.vault.profile.ProfileKeys;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Keyed fingerprints of secret values: equal values have equal fingerprints, nothing else leaks. */
public final class Fingerprints {

    private final ProfileKeys keys;

    public Fingerprints(ProfileKeys keys) {
        this.keys = keys;
    }

    public String of(byte[] valueUtf8) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.fingerprintKey(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(valueUtf8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
