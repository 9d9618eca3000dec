package dev.keyward.automation.dashboard.store;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Version-7 UUIDs (RFC 9562): the first 48 bits are the time in milliseconds, the rest random. Snapshot
 * ids made from their collection time sort as the rows were written, so the primary-key index grows at
 * its end and retention, which deletes the oldest rows in the table's order, empties that index from
 * its start instead of touching all of its pages in every batch, as random version-4 ids made it do.
 */
final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {
    }

    /** A new id whose leading bits are {@code at} in milliseconds since the epoch. */
    static String at(Instant at) {
        long millis = at.toEpochMilli();
        if (millis < 0 || millis >= 1L << 48) {
            throw new IllegalArgumentException("A time-ordered id needs a time between 1970 and the year 10889.");
        }
        long randomHigh = RANDOM.nextLong();
        long randomLow = RANDOM.nextLong();
        long most = millis << 16 | 0x7000L | randomHigh & 0x0FFFL;
        long least = randomLow & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }
}
