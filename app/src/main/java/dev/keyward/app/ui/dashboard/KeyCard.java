package dev.keyward.app.ui.dashboard;

import dev.keyward.automation.dashboard.DashboardCard;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What one key's card shows, already worded: the page's view model of a {@link DashboardCard}.
 * Every text here comes from the dashboard's stored (redacted) columns; no secret value is read.
 *
 * @param secretId       {@code secrets.id}, to load the key's history
 * @param name           the secret's name
 * @param providerName   the provider's display name
 * @param healthStatus   seed 002's {@code health_status} of the latest snapshot, or null when never collected
 * @param health         the health badge's word and tone
 * @param service        the provider's service status in words
 * @param usagePercent   usage as a percent of the limit, or null when the provider gave none
 * @param usageText      the usage figures in words, or null
 * @param costText       cost and currency, or null
 * @param ageText        how old the key is, or null when unknown
 * @param collectedText  when and how it was last collected
 * @param collectionText the collection status with its redacted error, or null when it succeeded
 * @param warnings       warning sentences of the latest snapshot
 * @param attention      how urgent the card is
 */
record KeyCard(
        String secretId,
        String name,
        String providerName,
        String healthStatus,
        Badge health,
        Badge service,
        Double usagePercent,
        String usageText,
        String costText,
        String ageText,
        String collectedText,
        String collectionText,
        List<String> warnings,
        Attention attention) {

    /** A word and its colour family. */
    record Badge(String word, Tone tone) {
    }

    KeyCard {
        warnings = List.copyOf(warnings);
    }

    /** The card for {@code card}, whose key's value was stored at {@code keyDate} (null when unknown). */
    static KeyCard of(DashboardCard card, Instant keyDate, Instant now, ZoneId zone) {
        CardWording words = new CardWording(now, zone);
        return new KeyCard(card.secretId(), card.secretName(),
                card.providerName() == null ? card.providerSlug() : card.providerName(),
                card.collected() ? card.health() : null,
                CardWording.health(card.collected() ? card.health() : null),
                CardWording.service(card.service()),
                card.usagePercent(), CardWording.usage(card), CardWording.cost(card.cost(), card.currency()),
                words.age(keyDate), words.collected(card), CardWording.collection(card),
                card.warnings(), attentionOf(card));
    }

    /** Problems first: see {@link Attention}. */
    static Attention attentionOf(DashboardCard card) {
        if (!card.collected()) {
            return Attention.NOT_COLLECTED;
        }
        if ("invalid".equals(card.health()) || "outage".equals(card.health()) || "failed".equals(card.status())) {
            return Attention.PROBLEM;
        }
        if (!"valid".equals(card.health()) || "partial".equals(card.status()) || !card.warnings().isEmpty()) {
            return Attention.WARNING;
        }
        return Attention.OK;
    }
}
