package dev.keyward.vault.crypto;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/** HKDF-SHA256 (RFC 5869): one independent subkey per purpose from the profile vault key. */
public final class Hkdf {

    private Hkdf() {
    }

    /** Returns a fresh 32-byte subkey for {@code purpose}; the caller must wipe it. */
    public static byte[] subkey(byte[] inputKey, String purpose) {
        HKDFBytesGenerator generator = new HKDFBytesGenerator(new SHA256Digest());
        generator.init(new HKDFParameters(inputKey, null, ("keyward/" + purpose).getBytes(StandardCharsets.UTF_8)));
        byte[] out = new byte[32];
        generator.generateBytes(out, 0, out.length);
        return out;
    }
}
