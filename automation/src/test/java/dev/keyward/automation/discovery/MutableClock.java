package dev.keyward.automation.discovery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand. */
public final class MutableClock extends Clock {

    /** The "now" of every discovery test: 1 May 2026, 09:00 UTC. */
    public static final Instant TEST_NOW = Instant.parse("2026-05-01T09:00:00Z");

    private Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    public static MutableClock atTestNow() {
        return new MutableClock(TEST_NOW);
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
