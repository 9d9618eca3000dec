package dev.keyward.vault.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.keyward.vault.VaultDamagedException;
import dev.keyward.vault.profile.ProfileHeader;
import dev.keyward.vault.profile.ProfileHeaderCodec;

/**
 * Any bytes as {@code profile.json}: the codec returns a header or reports damage (exit code 5), and a
 * header it accepts survives an encode/decode round trip unchanged.
 */
class ProfileHeaderCodecFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void anyBytesAreAHeaderOrDamage(byte[] input) {
        ProfileHeader header;
        try {
            header = ProfileHeaderCodec.decode(input, "(fuzz)");
        } catch (VaultDamagedException damaged) {
            assertEquals(5, damaged.exitCode());
            assertTrue(damaged.getMessage().startsWith("The profile header (fuzz) is damaged: "));
            return;
        }
        assertTrue(header.kdf().meetsFloor() && header.kdf().withinLimits());
        ProfileHeader again = ProfileHeaderCodec.decode(ProfileHeaderCodec.encode(header), "(fuzz)");
        assertEquals(header.profileId(), again.profileId());
        assertEquals(header.profileName(), again.profileName());
        assertEquals(header.createdAt(), again.createdAt());
        assertEquals(header.kdf(), again.kdf());
        assertArrayEquals(header.passwordSalt(), again.passwordSalt());
        assertArrayEquals(header.passwordWrappedKey(), again.passwordWrappedKey());
        assertArrayEquals(header.recoverySalt(), again.recoverySalt());
        assertArrayEquals(header.recoveryWrappedKey(), again.recoveryWrappedKey());
    }
}
