package dev.keyward.automation.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTest {

    /** Base32 of the ASCII seed "12345678901234567890" from RFC 6238 appendix B. */
    private static final String RFC_SEED = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void codesMatchTheRfc6238TestVectorsCutToSixDigits() {
        // RFC 6238 lists the 8-digit SHA-1 codes 94287082, 07081804, 14050471, 89005924 and 69279037.
        assertEquals("287082", Totp.codeAt(RFC_SEED, Instant.ofEpochSecond(59)));
        assertEquals("081804", Totp.codeAt(RFC_SEED, Instant.ofEpochSecond(1_111_111_109)));
        assertEquals("050471", Totp.codeAt(RFC_SEED, Instant.ofEpochSecond(1_111_111_111)));
        assertEquals("005924", Totp.codeAt(RFC_SEED, Instant.ofEpochSecond(1_234_567_890)));
        assertEquals("279037", Totp.codeAt(RFC_SEED, Instant.ofEpochSecond(2_000_000_000)));
    }

    @Test
    void codeOfTheNeighbouringStepIsAcceptedButTwoStepsAwayIsNot() {
        Instant now = Instant.ofEpochSecond(1_111_111_109);
        assertTrue(Totp.verify(RFC_SEED, Totp.codeAt(RFC_SEED, now.minusSeconds(30)), now));
        assertTrue(Totp.verify(RFC_SEED, Totp.codeAt(RFC_SEED, now.plusSeconds(30)), now));
        assertFalse(Totp.verify(RFC_SEED, Totp.codeAt(RFC_SEED, now.minusSeconds(90)), now));
    }

    @Test
    void malformedCodesAreRejected() {
        Instant now = Instant.ofEpochSecond(59);
        assertFalse(Totp.verify(RFC_SEED, "28708", now));
        assertFalse(Totp.verify(RFC_SEED, "28708a", now));
        assertFalse(Totp.verify(RFC_SEED, null, now));
    }

    @Test
    void seedsWithLowerCaseSpacesAndPaddingDecodeLikeTheCanonicalForm() {
        Instant now = Instant.ofEpochSecond(59);
        assertEquals(Totp.codeAt(RFC_SEED, now), Totp.codeAt("gezd gnbv gy3t qojq gezd gnbv gy3t qojq====", now));
    }

    @Test
    void seedOutsideTheBase32AlphabetIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Totp.codeAt("NOT-BASE32!", Instant.EPOCH));
    }
}
