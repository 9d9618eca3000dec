package dev.keyward.vault.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Byte counts in progress lines: plain bytes below 1 KiB, binary units with one decimal above. */
class ByteCountsTest {

    @Test
    void smallCountsArePlainAndLargerOnesTakeTheLargestUnitBelowThem() {
        assertEquals("0 B", ByteCounts.approximate(0));
        assertEquals("1023 B", ByteCounts.approximate(1023));
        assertEquals("1.0 KiB", ByteCounts.approximate(1024));
        assertEquals("1.5 MiB", ByteCounts.approximate(3 * 512 * 1024));
        assertEquals("2.5 GiB", ByteCounts.approximate(2684354560L));
        assertEquals("2048.0 TiB", ByteCounts.approximate(2048L << 40));
    }
}
