package dev.keyward.automation.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The saved copies of real published documents under {@code real/} (their sources are in the README beside them),
 * and the date-shifted variants tests build from them: every timestamp moved by the same amount, so a years-old
 * incident reads as a recent one while its content stays exactly as published.
 */
public final class RealDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
    private static final Pattern RFC_822 = Pattern.compile(
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
    private static final DateTimeFormatter RFC = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.ENGLISH);

    private RealDocuments() {
    }

    /** The saved document, exactly as stored. */
    public static String read(String name) {
        return Fixtures.read("real/" + name);
    }

    /** The saved document with every ISO-8601 and RFC 822 timestamp moved by {@code shift}. */
    public static String shifted(String name, Duration shift) {
        return shift(read(name), shift);
    }

    /** {@code text} with every ISO-8601 and RFC 822 timestamp moved by {@code shift}. */
    public static String shift(String text, Duration shift) {
        Matcher iso = ISO.matcher(text);
        StringBuilder out = new StringBuilder();
        while (iso.find()) {
            iso.appendReplacement(out, Instant.parse(iso.group()).plus(shift).toString());
        }
        iso.appendTail(out);
        Matcher rfc = RFC_822.matcher(out.toString());
        StringBuilder second = new StringBuilder();
        while (rfc.find()) {
            ZonedDateTime at = ZonedDateTime.parse(rfc.group(), RFC.withZone(ZoneOffset.UTC));
            rfc.appendReplacement(second, RFC.format(at.plus(shift)));
        }
        rfc.appendTail(second);
        return second.toString();
    }

    /** How far to move {@code from} so that it lands on {@code to}. */
    public static Duration shiftTo(String from, Instant to) {
        return Duration.between(Instant.parse(from), to);
    }

    public static ObjectNode object(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ArrayNode array() {
        return JSON.createArrayNode();
    }

    public static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
