package dev.keyward.vault.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Argon2idKdfTest {

    @Test
    void nativeLibraryLoadsOnThisPlatform() {
        assertTrue(Argon2idKdf.nativeAvailable(), "libargon2 from argon2-jvm should load on Linux x86-64");
    }

    @Test
    void nativeAndJavaImplementationsDeriveTheSameKey() {
        byte[] password = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
        byte[] salt = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
        for (Argon2Params p : new Argon2Params[] {Argon2Params.FLOOR, new Argon2Params(32 * 1024, 3, 4)}) {
            assertArrayEquals(Argon2idKdf.deriveJava(password, salt, p), Argon2idKdf.deriveNative(password, salt, p), p.toString());
        }
    }

    @Test
    void matchesTheArgon2CommandLineToolForAKnownInput() {
        // echo -n password | argon2 somesaltsomesalt -id -t 2 -k 19456 -p 1 -l 32 -r  (Debian's argon2 package)
        byte[] key = Argon2idKdf.derive("password".getBytes(StandardCharsets.US_ASCII),
                "somesaltsomesalt".getBytes(StandardCharsets.US_ASCII), Argon2Params.FLOOR);
        assertEquals(EXPECTED_FLOOR_VECTOR, HexFormat.of().formatHex(key));
    }

    static final String EXPECTED_FLOOR_VECTOR = "2b5dc4054886ec957ef59c73b661c54dd6fb274590b278f657c6d96aac8fa6d1";
}
