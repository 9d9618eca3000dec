package dev.keyward.reflib.download;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code Content-Range} response header (RFC 9110 section 14.4).
 *
 * @param start first byte offset of this response's body
 * @param total complete length, or -1 when the server sent '*'
 */
record ContentRange(long start, long total) {

    private static final Pattern SATISFIED = Pattern.compile("\\s*bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)\\s*");
    private static final Pattern UNSATISFIED = Pattern.compile("\\s*bytes\\s+\\*/(\\d+)\\s*");

    /** Parses {@code bytes START-END/TOTAL}; empty when the header is absent or malformed. */
    static Optional<ContentRange> parse(Optional<String> header) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = SATISFIED.matcher(header.get());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            long total = m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3));
            return Optional.of(new ContentRange(Long.parseLong(m.group(1)), total));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The complete length from a 416 answer's {@code bytes *}{@code /TOTAL}. */
    static OptionalLong unsatisfiedTotal(Optional<String> header) {
        if (header.isEmpty()) {
            return OptionalLong.empty();
        }
        Matcher m = UNSATISFIED.matcher(header.get());
        try {
            return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
