package dev.keyward.automation.discovery.classify;

import static dev.keyward.automation.discovery.classify.Vocabulary.mentions;

import dev.keyward.automation.feeds.IncidentState;
import dev.keyward.automation.feeds.IncidentState.Impact;
import dev.keyward.automation.feeds.IncidentState.Phase;
import dev.keyward.automation.feeds.SourceItem;
import dev.keyward.automation.feeds.SourceKind;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * Gives an item a seed 002 category and urgency by fixed rules over its words and, for status pages, the
 * page's own incident state. Security words anywhere win; then topic rules, most serious first, are tried on
 * the title and then on the whole text. The first rule that matches decides.
 * Words only ever map to a category; nothing in the text is followed or executed.
 */
public final class FindingClassifier {

    /** A dated deprecation, price increase or breaking change this close is one to act on. */
    public static final int ACTION_WINDOW_DAYS = 30;

    private final Clock clock;

    public FindingClassifier(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Classifies {@code item} for a provider for which the user holds {@code keysHeld} keys. */
    public Classification classify(SourceItem item, int keysHeld) {
        String words = item.words();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        // Security is looked for in the whole text: a release note that mentions leaked keys must not hide behind
        // an ordinary title.
        if (mentions(Vocabulary.SECURITY, words)) {
            // A provider-side leak or vulnerability is critical exactly when the user's own keys may be in it.
            return new Classification(FindingCategory.SECURITY_ADVISORY,
                    keysHeld > 0 ? Urgency.CRITICAL : Urgency.ADVISORY, Signal.SECURITY_NOTICE, null);
        }
        if (item.incident() != null) {
            return statusPage(item.incident(), item.sourceKind());
        }
        // The title says what an item is about; the body often mentions side topics ("cost" in a comparison).
        boolean feed = item.sourceKind() == SourceKind.CHANGELOG_FEED;
        return byTopic(item.title(), words, today, true, feed)
                .or(() -> byTopic(words, words, today, false, feed))
                .orElseGet(() -> fallback(item.sourceKind()));
    }

    /**
     * The first topic rule that matches {@code topic}; dates and price direction are read from all {@code words}.
     * {@code title} says whether {@code topic} is the title (a bare "pricing" decides) or the whole text (pricing
     * must be the subject of a change). A provider's own changelog does not announce alternatives to itself, so
     * {@code feed} items skip that rule.
     */
    private static Optional<Classification> byTopic(String topic, String words, LocalDate today, boolean title,
                                                    boolean feed) {
        if (mentions(Vocabulary.DEPRECATION, topic)) {
            return Optional.of(dated(FindingCategory.DEPRECATION, Signal.DEPRECATION, words, today, Urgency.ADVISORY));
        }
        if (mentions(title ? Vocabulary.PRICING : Vocabulary.PRICING_CHANGE, topic)) {
            return Optional.of(pricing(words, today));
        }
        if (mentions(Vocabulary.OUTAGE, topic)) {
            boolean resolved = mentions(Vocabulary.RESOLVED, words);
            return Optional.of(new Classification(FindingCategory.SERVICE_MODIFICATION,
                    resolved ? Urgency.INFORMATIONAL : Urgency.ADVISORY,
                    resolved ? Signal.OUTAGE_RESOLVED : Signal.OUTAGE_ONGOING, null));
        }
        if (mentions(Vocabulary.BREAKING, topic)) {
            return Optional.of(dated(FindingCategory.SERVICE_MODIFICATION, Signal.BREAKING_CHANGE, words, today,
                    Urgency.ADVISORY));
        }
        if (mentions(Vocabulary.MAINTENANCE, topic)) {
            return Optional.of(new Classification(FindingCategory.SERVICE_MODIFICATION, Urgency.INFORMATIONAL,
                    Signal.MAINTENANCE, DateMentions.soonestUpcoming(words, today).orElse(null)));
        }
        // Redirects, moves, renames, new requirements and changes announced for a date change how the service is
        // reached or used; they are not new capabilities even when the note also says "now" or "new".
        if (mentions(Vocabulary.SERVICE_SHIFT, topic)
                || (mentions(Vocabulary.DATED_START, topic) && mentions(Vocabulary.FUTURE, words))) {
            return Optional.of(new Classification(FindingCategory.SERVICE_MODIFICATION, Urgency.INFORMATIONAL,
                    Signal.SERVICE_CHANGE, DateMentions.soonestUpcoming(words, today).orElse(null)));
        }
        if (!feed && mentions(Vocabulary.ALTERNATIVE, topic)) {
            return Optional.of(new Classification(FindingCategory.NEW_ALTERNATIVE, Urgency.INFORMATIONAL,
                    Signal.NEW_ALTERNATIVE, null));
        }
        if (mentions(Vocabulary.CAPABILITY, topic)) {
            return Optional.of(new Classification(FindingCategory.CAPABILITY_CHANGE, Urgency.INFORMATIONAL,
                    Signal.NEW_CAPABILITY, null));
        }
        if (mentions(Vocabulary.SERVICE_CHANGE, topic)) {
            return Optional.of(new Classification(FindingCategory.SERVICE_MODIFICATION, Urgency.INFORMATIONAL,
                    Signal.SERVICE_CHANGE, null));
        }
        return Optional.empty();
    }

    // A changelog entry with no telling words is most likely a feature note; anything else is a service note.
    private static Classification fallback(SourceKind kind) {
        return kind == SourceKind.CHANGELOG_FEED
                ? new Classification(FindingCategory.CAPABILITY_CHANGE, Urgency.INFORMATIONAL, Signal.NEW_CAPABILITY,
                        null)
                : new Classification(FindingCategory.SERVICE_MODIFICATION, Urgency.INFORMATIONAL, Signal.SERVICE_CHANGE,
                        null);
    }

    private static Classification statusPage(IncidentState state, SourceKind kind) {
        if (kind == SourceKind.STATUS_MAINTENANCE || state.impact() == Impact.MAINTENANCE) {
            Urgency urgency = state.phase() == Phase.ONGOING ? Urgency.ADVISORY : Urgency.INFORMATIONAL;
            return new Classification(FindingCategory.SERVICE_MODIFICATION, urgency, Signal.MAINTENANCE, null);
        }
        if (state.phase() == Phase.RESOLVED) {
            return new Classification(FindingCategory.SERVICE_MODIFICATION, Urgency.INFORMATIONAL,
                    Signal.OUTAGE_RESOLVED, null);
        }
        Urgency urgency = switch (state.impact()) {
            case MAJOR, CRITICAL -> Urgency.ACTION_NEEDED;
            case MINOR -> Urgency.ADVISORY;
            default -> Urgency.INFORMATIONAL;
        };
        return new Classification(FindingCategory.SERVICE_MODIFICATION, urgency, Signal.OUTAGE_ONGOING, null);
    }

    private static Classification pricing(String words, LocalDate today) {
        boolean up = mentions(Vocabulary.PRICE_UP, words);
        boolean down = mentions(Vocabulary.PRICE_DOWN, words);
        if (up && !down) {
            return dated(FindingCategory.PRICING_UPDATE, Signal.PRICE_INCREASE, words, today, Urgency.ADVISORY);
        }
        if (down && !up) {
            return new Classification(FindingCategory.PRICING_UPDATE, Urgency.INFORMATIONAL, Signal.PRICE_DECREASE,
                    DateMentions.soonestUpcoming(words, today).orElse(null));
        }
        return new Classification(FindingCategory.PRICING_UPDATE, Urgency.INFORMATIONAL, Signal.PRICING_CHANGE,
                DateMentions.soonestUpcoming(words, today).orElse(null));
    }

    // Action is needed when the change lands within the window; a later or unknown date is worth knowing about.
    private static Classification dated(FindingCategory category, Signal signal, String words, LocalDate today,
                                        Urgency otherwise) {
        Optional<LocalDate> soon = DateMentions.soonestWithin(words, today, ACTION_WINDOW_DAYS);
        if (soon.isPresent()) {
            return new Classification(category, Urgency.ACTION_NEEDED, signal, soon.get());
        }
        return new Classification(category, otherwise, signal, DateMentions.soonestUpcoming(words, today).orElse(null));
    }
}
