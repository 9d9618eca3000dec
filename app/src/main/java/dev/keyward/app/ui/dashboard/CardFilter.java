package dev.keyward.app.ui.dashboard;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The dashboard's filters: provider (null for all), health choice and text in the key's name;
 * {@link #apply} also sorts, problems first, then by name.
 */
record CardFilter(String providerName, HealthChoice health, String text) {

    static final Comparator<KeyCard> PROBLEMS_FIRST = Comparator.comparing(KeyCard::attention)
            .thenComparing(card -> card.name().toLowerCase(Locale.ROOT))
            .thenComparing(KeyCard::name);

    CardFilter {
        Objects.requireNonNull(health, "health");
        text = text == null ? "" : text.strip();
    }

    static CardFilter everything() {
        return new CardFilter(null, HealthChoice.ALL, "");
    }

    boolean matches(KeyCard card) {
        return (providerName == null || providerName.equals(card.providerName()))
                && health.matches(card)
                && (text.isEmpty() || card.name().toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT)));
    }

    /** The matching cards, problems first. */
    List<KeyCard> apply(List<KeyCard> cards) {
        return cards.stream().filter(this::matches).sorted(PROBLEMS_FIRST).toList();
    }

    /** The providers to offer in the provider filter, in name order, each once. */
    static List<String> providers(List<KeyCard> cards) {
        return cards.stream().map(KeyCard::providerName).distinct().sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }
}
