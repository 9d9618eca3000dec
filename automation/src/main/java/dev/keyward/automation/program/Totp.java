package dev.keyward.automation.program;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Time-based one-time passwords (RFC 6238, on HOTP of RFC 4226). */
public final class Totp {

    public static final int DEFAULT_DIGITS = 6;
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(30);

    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
            100_000_000};

    private Totp() {}

    /** The 6-digit SHA-1 code for a 30-second period, what nearly every provider uses. */
    public static String code(byte[] seed, Instant time) {
        return code(seed, time, DEFAULT_DIGITS, TotpAlgorithm.SHA1, DEFAULT_PERIOD);
    }

    public static String code(byte[] seed, Instant time, int digits, TotpAlgorithm algorithm) {
        return code(seed, time, digits, algorithm, DEFAULT_PERIOD);
    }

    /**
     * The code for {@code time}.
     *
     * @param digits 6 or 8
     * @throws IllegalArgumentException for other digit counts, a non-positive period, a time before 1970 or
     *                                  an empty seed
     */
    public static String code(byte[] seed, Instant time, int digits, TotpAlgorithm algorithm, Duration period) {
        if (digits != 6 && digits != 8) {
            throw new IllegalArgumentException("A TOTP code has 6 or 8 digits, not " + digits + ".");
        }
        if (period.isNegative() || period.isZero() || period.toSeconds() == 0) {
            throw new IllegalArgumentException("A TOTP period must be at least one second.");
        }
        if (time.getEpochSecond() < 0) {
            throw new IllegalArgumentException("TOTP is defined for times from 1970 on.");
        }
        if (seed.length == 0) {
            throw new IllegalArgumentException("The TOTP seed is empty; copy it again from the provider.");
        }
        long counter = time.getEpochSecond() / period.toSeconds();
        byte[] hash = hmac(algorithm, seed, ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        Arrays.fill(hash, (byte) 0);
        String code = Integer.toString(binary % POWERS_OF_TEN[digits]);
        return "0".repeat(digits - code.length()) + code;
    }

    /** Decodes a base32 seed, computes the code and wipes the decoded seed; the caller wipes {@code base32Seed}. */
    public static String codeFromBase32(char[] base32Seed, Instant time, int digits, TotpAlgorithm algorithm) {
        byte[] seed = Base32.decode(base32Seed);
        try {
            return code(seed, time, digits, algorithm, DEFAULT_PERIOD);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    private static byte[] hmac(TotpAlgorithm algorithm, byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(algorithm.macName());
            mac.init(new SecretKeySpec(key, algorithm.macName()));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm.macName() + " is missing from this Java runtime", e);
        }
    }
}
