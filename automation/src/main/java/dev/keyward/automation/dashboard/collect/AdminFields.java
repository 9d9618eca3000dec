package dev.keyward.automation.dashboard.collect;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the small typed fields of admin API bodies, each checked for shape, so nothing free-form a
 * provider sends (a message, an echoed value) is copied into a row.
 */
final class AdminFields {

    /** The shape of a provider's redacted key: a short visible prefix, a run of dots or stars, a short tail. */
    private static final String HINT = "[A-Za-z0-9_-]{0,20}(\\.{3}|\\*{3,})[A-Za-z0-9_-]{2,8}";
    private static final String ID = "[A-Za-z0-9_.:-]{1,100}";

    private AdminFields() {
    }

    static String id(JsonNode node, String field) {
        return JsonBodies.text(node, field, ID).orElse(null);
    }

    static String hint(JsonNode node, String field) {
        return JsonBodies.text(node, field, HINT).orElse(null);
    }

    /** A name or email: printable, at most 120 characters, no line breaks. */
    static String label(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        return JsonBodies.text(node, field, "[\\p{L}\\p{N} @._'+()-]{1,120}").orElse(null);
    }

    static String model(JsonNode node, String field) {
        return JsonBodies.text(node, field, "[A-Za-z0-9._:/-]{1,100}").orElse(null);
    }

    /** An instant given as Unix seconds (OpenAI) or an RFC 3339 string (Anthropic); null when absent or unreadable. */
    static Instant instant(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong() && value.asLong() >= 0) {
            return Instant.ofEpochSecond(value.asLong());
        }
        if (value.isTextual()) {
            try {
                return Instant.parse(value.asText());
            } catch (DateTimeParseException e) {
                try {
                    return java.time.OffsetDateTime.parse(value.asText()).toInstant();
                } catch (DateTimeParseException again) {
                    return null;
                }
            }
        }
        return null;
    }

    static Optional<LocalDate> day(JsonNode node, String field) {
        return Optional.ofNullable(instant(node, field)).map(i -> LocalDate.ofInstant(i, ZoneOffset.UTC));
    }

    static long whole(JsonNode node, String field) {
        return JsonBodies.whole(node, field).orElse(0L);
    }
}
