package dev.keyward.automation.practice;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time codes (HMAC-SHA1, 6 digits, 30-second steps) for the practice login.
 */
public final class Totp {

    /** Length of one time step in seconds. */
    public static final int STEP_SECONDS = 30;
    private static final int DIGITS = 6;
    private static final String BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Totp() {
    }

    /**
     * The code for the step that contains {@code instant}.
     *
     * @param base32Seed the shared seed, base32 (RFC 4648), spaces and padding allowed
     */
    public static String codeAt(String base32Seed, Instant instant) {
        return codeForCounter(decodeBase32(base32Seed), Math.floorDiv(instant.getEpochSecond(), STEP_SECONDS));
    }

    /**
     * Whether {@code code} matches the step of {@code now} or one step either side; the window
     * absorbs small clock differences between the practice server and whoever computes the code.
     */
    public static boolean verify(String base32Seed, String code, Instant now) {
        if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
            return false;
        }
        byte[] key = decodeBase32(base32Seed);
        long counter = Math.floorDiv(now.getEpochSecond(), STEP_SECONDS);
        boolean matched = false;
        for (long c = counter - 1; c <= counter + 1; c++) {
            // Constant-time comparison and no early exit, so timing does not tell which step matched.
            matched |= MessageDigest.isEqual(codeForCounter(key, c).getBytes(), code.getBytes());
        }
        return matched;
    }

    /** Decodes RFC 4648 base32; rejects characters outside the alphabet. */
    static byte[] decodeBase32(String text) {
        String clean = text.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("The TOTP seed is empty; give a base32 seed such as JBSWY3DPEHPK3PXP.");
        }
        ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char ch : clean.toCharArray()) {
            int value = BASE32_ALPHABET.indexOf(ch);
            if (value < 0) {
                throw new IllegalArgumentException(
                        "The TOTP seed is not base32; use only the letters A-Z and digits 2-7.");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }

    private static String codeForCounter(byte[] key, long counter) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24)
                    | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8)
                    | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime has no HmacSHA1; TOTP codes cannot be computed.", e);
        }
    }
}
