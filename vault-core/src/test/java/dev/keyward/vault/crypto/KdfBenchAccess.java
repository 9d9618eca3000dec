package dev.keyward.vault.crypto;

/** Lets the benchmark time the pure-Java fallback beside the native KDF. */
public final class KdfBenchAccess {

    private KdfBenchAccess() {
    }

    public static byte[] deriveJava(byte[] secret, byte[] salt, Argon2Params params) {
        return Argon2idKdf.deriveJava(secret, salt, params);
    }
}
