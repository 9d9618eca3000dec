package dev.keyward.vault.crypto;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Derives a 256-bit key-encryption key from a password with Argon2id (version 1.3).
 *
 * <p>The reference C implementation (through argon2-jvm) computes the lanes on parallel threads
 * and needs no JIT warm-up, which matters because every CLI call is a cold start; a slower KDF
 * buys less protection per second of unlock. Where the native library cannot load, BouncyCastle's
 * pure-Java implementation computes the same bytes (a test holds the two equal).
 */
public final class Argon2idKdf {

    public static final int KEY_BYTES = 32;
    public static final int SALT_BYTES = 16;

    private static final Argon2Advanced NATIVE = loadNative();

    private Argon2idKdf() {
    }

    /** Returns a fresh 32-byte key that the caller must wipe. */
    public static byte[] derive(byte[] secret, byte[] salt, Argon2Params params) {
        return NATIVE != null ? deriveNative(secret, salt, params) : deriveJava(secret, salt, params);
    }

    /** Which implementation {@link #derive} uses, for diagnostics and the benchmark. */
    public static String implementation() {
        return NATIVE != null ? "libargon2 (native)" : "BouncyCastle (Java)";
    }

    static byte[] deriveNative(byte[] secret, byte[] salt, Argon2Params params) {
        return NATIVE.pbkdf(params.iterations(), params.memoryKib(), params.parallelism(), secret, salt, KEY_BYTES);
    }

    static byte[] deriveJava(byte[] secret, byte[] salt, Argon2Params params) {
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

    static boolean nativeAvailable() {
        return NATIVE != null;
    }

    private static Argon2Advanced loadNative() {
        if (Boolean.getBoolean("keyward.argon2.java")) {
            return null;
        }
        try {
            Argon2Advanced argon2 = Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id, SALT_BYTES, KEY_BYTES);
            // Prove the library loads and works now rather than at the first unlock.
            argon2.pbkdf(1, 8, 1, new byte[] {1}, new byte[SALT_BYTES], KEY_BYTES);
            return argon2;
        } catch (LinkageError | RuntimeException e) {
            return null;
        }
    }
}
