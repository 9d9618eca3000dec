package dev.keyward.automation.program;

import java.util.Arrays;
import java.util.Optional;

/** The HMAC behind a TOTP code (RFC 6238 allows SHA-1, SHA-256 and SHA-512). */
public enum TotpAlgorithm {
    SHA1("sha1", "HmacSHA1"),
    SHA256("sha256", "HmacSHA256"),
    SHA512("sha512", "HmacSHA512");

    private final String jsonName;
    private final String macName;

    TotpAlgorithm(String jsonName, String macName) {
        this.jsonName = jsonName;
        this.macName = macName;
    }

    /** The string used in step program JSON. */
    public String jsonName() {
        return jsonName;
    }

    /** The JCA name of the HMAC. */
    public String macName() {
        return macName;
    }

    public static Optional<TotpAlgorithm> fromJsonName(String value) {
        return Arrays.stream(values()).filter(a -> a.jsonName.equals(value)).findFirst();
    }
}
