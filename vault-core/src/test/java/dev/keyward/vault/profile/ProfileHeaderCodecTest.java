package dev.keyward.vault.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.vault.VaultDamagedException;
import dev.keyward.vault.crypto.Argon2Params;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ProfileHeaderCodecTest {

    private static final byte[] SALT = new byte[16];

    private static ProfileHeader header() {
        byte[] wrapped = new byte[60];
        wrapped[0] = 1;
        return new ProfileHeader(ProfileHeader.FORMAT_VERSION, "0b0e9c1e-5d43-4a8e-9a55-1f2f1e0c7a11", "work",
                "2025-01-02T03:04:05Z", Argon2Params.FLOOR, SALT, wrapped, SALT, wrapped);
    }

    @Test
    void anEncodedHeaderDecodesToTheSameFields() {
        ProfileHeader decoded = ProfileHeaderCodec.decode(ProfileHeaderCodec.encode(header()), "(test)");

        assertEquals("work", decoded.profileName());
        assertEquals(Argon2Params.FLOOR, decoded.kdf());
        assertArrayEquals(SALT, decoded.passwordSalt());
    }

    /**
     * Found while fuzzing the header: Java's Base64 decoder ignores the unused low bits of the last
     * character and accepts missing padding, so "AA...AB==" decodes like "AA...AA==" and an edited header
     * still matched its checksum.
     */
    @Test
    void aSaltSpelledOtherThanKeywardWritesItIsDamage() {
        String canonical = Base64.getEncoder().encodeToString(SALT);
        String json = new String(ProfileHeaderCodec.encode(header()), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"" + canonical + "\""));
        String sameBitsOtherSpelling = canonical.substring(0, 21) + "B==";
        assertArrayEquals(SALT, Base64.getDecoder().decode(sameBitsOtherSpelling), "the decoder alone accepts it");

        for (String edited : new String[] {sameBitsOtherSpelling, canonical.substring(0, 22)}) {
            byte[] bytes = json.replace("\"" + canonical + "\"", "\"" + edited + "\"").getBytes(StandardCharsets.UTF_8);
            VaultDamagedException damaged = assertThrows(VaultDamagedException.class,
                    () -> ProfileHeaderCodec.decode(bytes, "(test)"), edited);
            assertEquals(5, damaged.exitCode());
        }
    }
}
