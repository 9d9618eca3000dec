package dev.keyward.automation.feeds;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reads the timestamp shapes that feeds and JSON APIs send; anything unreadable is "unknown" (null). */
final class Timestamps {

    private Timestamps() {
    }

    static Instant parse(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 64) {
            return null;
        }
        String text = raw.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            // fall through to the zone-less forms, read as UTC
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notLocal) {
            // fall through
        }
        try {
            return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notDate) {
            return null;
        }
    }
}
