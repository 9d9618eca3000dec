package dev.keyward.automation.dashboard.collect;

import java.net.http.HttpHeaders;
import java.util.Optional;

/** What became of one HTTP request to a provider: an answer, a timeout, a failed connection or a stop. */
public sealed interface ProviderAnswer {

    /**
     * The provider answered.
     *
     * @param statusCode the HTTP status
     * @param headers    the response headers
     * @param body       the body as text, or null when it was larger than Keyward reads; it is parsed,
     *                   never copied into a result or a message
     */
    record Answered(int statusCode, HttpHeaders headers, String body) implements ProviderAnswer {

        /** True for 2xx. */
        public boolean isSuccess() {
            return statusCode >= 200 && statusCode < 300;
        }

        /** The first value of a response header. */
        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    /** No answer arrived within the request timeout. */
    record TimedOut() implements ProviderAnswer {
    }

    /**
     * The connection failed.
     *
     * @param reason a short fixed phrase chosen by Keyward (e.g. "connection refused"), never an exception message
     */
    record Unreachable(String reason) implements ProviderAnswer {
    }

    /** The calling thread was interrupted while it waited. */
    record Stopped() implements ProviderAnswer {
    }
}
