package dev.keyward.vault.io;

import java.util.Locale;

/** Byte counts as a person reads them in a progress line: binary units with one decimal. */
public final class ByteCounts {

    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB"};

    private ByteCounts() {
    }

    /** {@code 999 B}, {@code 1.5 KiB}, {@code 2.5 GiB}: rounded, for showing progress rather than exact sizes. */
    public static String approximate(long n) {
        if (n < 1024) {
            return n + " B";
        }
        double value = n;
        int unit = -1;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }
}
