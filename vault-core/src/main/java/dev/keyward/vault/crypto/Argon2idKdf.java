package dev.keyward.vault.crypto;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** Derives a 256-bit key-encryption key from a password with Argon2id (BouncyCastle). */
public final class Argon2idKdf {

    public static final int KEY_BYTES = 32;
    public static final int SALT_BYTES = 16;

    private Argon2idKdf() {
    }

    /** Returns a fresh 32-byte key that the caller must wipe. */
    public static byte[] derive(byte[] secret, byte[] salt, Argon2Params params) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(params.memoryKib())
                .withIterations(params.iterations())
                .withParallelism(params.parallelism())
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] key = new byte[KEY_BYTES];
        generator.generateBytes(secret, key);
        return key;
    }
}
