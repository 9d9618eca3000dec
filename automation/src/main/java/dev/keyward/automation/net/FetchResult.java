package dev.keyward.automation.net;

import java.util.Objects;

/** What one fetch of a public web address produced: a body, "unchanged since last time", or a failure sentence. */
public sealed interface FetchResult {

    /** A 2xx answer with its decoded body and the validators the host sent (either may be null). */
    record Fetched(String body, String contentType, String etag, String lastModified) implements FetchResult {
        public Fetched {
            Objects.requireNonNull(body, "body");
        }
    }

    /** The host answered 304: the document has not changed since the validators we sent. */
    record NotModified() implements FetchResult {
    }

    /**
     * The fetch did not produce a document; {@code reason} is a sentence fit for a log line or the user, and
     * {@code httpStatus} the status the host answered with, or 0 when no HTTP answer arrived.
     */
    record Failed(String reason, int httpStatus) implements FetchResult {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }

        /** A failure without an HTTP answer (connection, timeout, size limit, refused address). */
        public Failed(String reason) {
            this(reason, 0);
        }

        /** True when the host answered, but not with the document (404, 403, 500...). */
        public boolean answered() {
            return httpStatus > 0;
        }
    }
}
