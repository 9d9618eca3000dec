package dev.keyward.automation.practice;

import java.time.Duration;
import java.util.Objects;

/**
 * A misbehaviour that a test forces on the next practice API calls, so collectors meet rate limits, errors and slowness.
 */
public sealed interface ApiFault {

    /** Answer with this HTTP status and an OpenAI-style JSON error instead of the real result. */
    record Status(int code) implements ApiFault {
        public Status {
            if (code < 400 || code > 599) {
                throw new IllegalArgumentException("A forced API status must be an error status (400-599).");
            }
        }
    }

    /** Wait this long, then answer normally. */
    record Delay(Duration delay) implements ApiFault {
        public Delay {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("A forced API delay cannot be negative.");
            }
        }
    }

    /** 429 Too Many Requests with a Retry-After header. */
    static ApiFault rateLimited() {
        return new Status(429);
    }

    /** 500 Internal Server Error. */
    static ApiFault serverError() {
        return new Status(500);
    }

    /** A slow answer. */
    static ApiFault slow(Duration delay) {
        return new Delay(delay);
    }
}
