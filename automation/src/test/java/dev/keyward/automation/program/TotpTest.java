package dev.keyward.automation.program;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    /** RFC 6238 appendix B seeds: the ASCII digits repeated to the hash's block-friendly length. */
    private static byte[] seed(TotpAlgorithm algorithm) {
        String digits = switch (algorithm) {
            case SHA1 -> "12345678901234567890";
            case SHA256 -> "12345678901234567890123456789012";
            case SHA512 -> "1234567890123456789012345678901234567890123456789012345678901234";
        };
        return digits.getBytes(StandardCharsets.US_ASCII);
    }

    @ParameterizedTest(name = "{1} at {0}s -> {2}")
    @CsvSource({
        "59, SHA1, 94287082",
        "59, SHA256, 46119246",
        "59, SHA512, 90693936",
        "1111111109, SHA1, 07081804",
        "1111111109, SHA256, 68084774",
        "1111111109, SHA512, 25091201",
        "1111111111, SHA1, 14050471",
        "1111111111, SHA256, 67062674",
        "1111111111, SHA512, 99943326",
        "1234567890, SHA1, 89005924",
        "1234567890, SHA256, 91819424",
        "1234567890, SHA512, 93441116",
        "2000000000, SHA1, 69279037",
        "2000000000, SHA256, 90698825",
        "2000000000, SHA512, 38618901",
        "20000000000, SHA1, 65353130",
        "20000000000, SHA256, 77737706",
        "20000000000, SHA512, 47863826"
    })
    void matchesTheRfc6238TestVectors(long seconds, TotpAlgorithm algorithm, String expected) {
        Instant time = Instant.ofEpochSecond(seconds);

        assertEquals(expected, Totp.code(seed(algorithm), time, 8, algorithm));
        assertEquals(expected.substring(2), Totp.code(seed(algorithm), time, 6, algorithm));
    }

    @Test
    void defaultIsSixDigitsSha1() {
        assertEquals("287082", Totp.code(seed(TotpAlgorithm.SHA1), Instant.ofEpochSecond(59)));
    }

    @Test
    void codeIsStableWithinAPeriodAndChangesAtItsEnd() {
        byte[] seed = seed(TotpAlgorithm.SHA1);

        assertEquals(Totp.code(seed, Instant.ofEpochSecond(1111111110)), Totp.code(seed, Instant.ofEpochSecond(1111111139)));
        assertEquals("050471", Totp.code(seed, Instant.ofEpochSecond(1111111111)));
        assertEquals("081804", Totp.code(seed, Instant.ofEpochSecond(1111111109)));
    }

    @Test
    void base32SeedAsAuthenticatorAppsShowItDecodes() {
        byte[] expected = seed(TotpAlgorithm.SHA1);

        assertArrayEquals(expected, Base32.decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
        assertArrayEquals(expected, Base32.decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"));
        assertArrayEquals("f".getBytes(StandardCharsets.US_ASCII), Base32.decode("MY======"));
        assertArrayEquals("foobar".getBytes(StandardCharsets.US_ASCII), Base32.decode("MZXW6YTBOI======"));
    }

    @Test
    void codeFromABase32SeedHeldAsCharacters() {
        char[] seed = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ".toCharArray();

        assertEquals("94287082", Totp.codeFromBase32(seed, Instant.ofEpochSecond(59), 8, TotpAlgorithm.SHA1));
    }

    @Test
    void invalidBase32NamesThePositionButNotTheSeed() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> Base32.decode("GEZDGNBV1Y3TQOJQ"));

        assertEquals("The TOTP seed is not base32 (position 8 holds a character outside A-Z and 2-7);"
                + " copy the seed again from the provider.", thrown.getMessage());
        assertFalse(thrown.getMessage().contains("GEZD"));
    }

    @Test
    void paddingInTheMiddleIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Base32.decode("MY==MY"));
    }

    @Test
    void onlySixOrEightDigitsAreOffered() {
        assertThrows(IllegalArgumentException.class,
                () -> Totp.code(seed(TotpAlgorithm.SHA1), Instant.ofEpochSecond(59), 7, TotpAlgorithm.SHA1));
    }

    @Test
    void emptySeedIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Totp.code(new byte[0], Instant.ofEpochSecond(59)));
    }
}
