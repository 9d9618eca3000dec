package dev.keyward.automation.practice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The entries of Practice Cloud's changelog, served as an Atom feed at {@code /changelog.atom}.
 */
public final class ChangelogFeed {

    /**
     * One changelog entry.
     *
     * @param category an Atom category term, e.g. deprecation, pricing, security, feature
     * @param summary  plain text; the feed escapes it
     */
    public record Entry(String id, String title, String category, String summary, Instant updated) {
        public Entry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(updated, "updated");
        }
    }

    private final Clock clock;
    private final List<Entry> entries = new ArrayList<>();
    private int nextId = 1;

    ChangelogFeed(Clock clock) {
        this.clock = clock;
        Instant now = now();
        // The shutdown date lies ahead of "now", so discovery always sees an upcoming deprecation.
        LocalDate shutdown = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(60);
        entries.add(new Entry(newId(), "Deprecation: practice-legacy-1 shuts down on " + shutdown, "deprecation",
                "The model practice-legacy-1 is deprecated. Shutdown date: " + shutdown
                        + ". Move to practice-small-2 before then; calls to practice-legacy-1 will fail after that date.",
                now.minus(Duration.ofDays(2))));
        entries.add(new Entry(newId(), "Pricing change for practice-large-2", "pricing",
                "From next month practice-large-2 costs 0.60 USD per million input tokens (was 0.50 USD).",
                now.minus(Duration.ofDays(9))));
        entries.add(new Entry(newId(), "Security advisory: rotate keys created before the console update", "security",
                "A logging fault may have exposed key prefixes in console logs. Rotate API keys created before the "
                        + "console update; no action is needed for newer keys.",
                now.minus(Duration.ofDays(15))));
        entries.add(new Entry(newId(), "Usage API now reports cost per period", "feature",
                "GET /v1/usage returns cost and currency for the current billing period.",
                now.minus(Duration.ofDays(30))));
    }

    /** All entries, newest first. */
    public synchronized List<Entry> entries() {
        return entries.stream().sorted(Comparator.comparing(Entry::updated).reversed()).toList();
    }

    /** Publishes a new entry dated now and returns it. */
    public synchronized Entry publish(String title, String category, String summary) {
        Entry entry = new Entry(newId(), title, category, summary, now());
        entries.add(entry);
        return entry;
    }

    /** Removes every entry, e.g. to test an empty feed. */
    public synchronized void clear() {
        entries.clear();
    }

    /** When the newest entry was updated, or the epoch for an empty feed. */
    public synchronized Instant updated() {
        return entries.stream().map(Entry::updated).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
    }

    // Whole seconds keep the feed's dates short and easy for any Atom reader.
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private String newId() {
        return "tag:practice.test,2024:changelog/" + nextId++;
    }
}
