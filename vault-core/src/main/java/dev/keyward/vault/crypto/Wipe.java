package dev.keyward.vault.crypto;

import java.util.Arrays;

/** Overwrites key material so that it does not linger on the heap after use. */
public final class Wipe {

    private Wipe() {
    }

    public static void bytes(byte[]... arrays) {
        for (byte[] a : arrays) {
            if (a != null) {
                Arrays.fill(a, (byte) 0);
            }
        }
    }

    public static void chars(char[]... arrays) {
        for (char[] a : arrays) {
            if (a != null) {
                Arrays.fill(a, '\0');
            }
        }
    }
}
