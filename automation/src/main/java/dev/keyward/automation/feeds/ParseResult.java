package dev.keyward.automation.feeds;

import java.util.List;
import java.util.Objects;

/** What a source parser made of a fetched document: items, or a sentence saying why it could not be read. */
public sealed interface ParseResult {

    /** The document was read; {@code skipped} counts entries dropped as unusable (no web link, no title). */
    record Parsed(List<SourceItem> items, int skipped) implements ParseResult {
        public Parsed {
            items = List.copyOf(items);
        }
    }

    /** The document could not be read; nothing from it is used. */
    record Unreadable(String reason) implements ParseResult {
        public Unreadable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
