package dev.keyward.app.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.keyward.automation.dashboard.DashboardCard;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyCardTest {

    @Test
    void invalidKeysFailedCollectionsAndOutagesAreProblems() {
        assertEquals(Attention.PROBLEM, Cards.card(Cards.collected("a", "Acme", "success", "invalid", List.of())).attention());
        assertEquals(Attention.PROBLEM, Cards.card(Cards.collected("b", "Acme", "failed", "unknown", List.of())).attention());
        assertEquals(Attention.PROBLEM, Cards.card(Cards.collected("c", "Acme", "success", "outage", List.of())).attention());
    }

    @Test
    void warningsPartialCollectionsAndDegradedHealthNeedALook() {
        assertEquals(Attention.WARNING, Cards.card(Cards.collected("a", "Acme", "success", "valid",
                List.of("Usage is at 90% of the limit."))).attention());
        assertEquals(Attention.WARNING, Cards.card(Cards.collected("b", "Acme", "partial", "valid", List.of())).attention());
        assertEquals(Attention.WARNING, Cards.card(Cards.collected("c", "Acme", "success", "degraded", List.of())).attention());
        assertEquals(Attention.OK, Cards.card(Cards.collected("d", "Acme", "success", "valid", List.of())).attention());
        assertEquals(Attention.NOT_COLLECTED, Cards.card(Cards.notCollected("e", "Acme")).attention());
    }

    @Test
    void healthIsAlwaysAWordBesideItsColour() {
        KeyCard invalid = Cards.card(Cards.collected("a", "Acme", "success", "invalid", List.of()));
        assertEquals(new KeyCard.Badge("Invalid", Tone.BAD), invalid.health());
        assertEquals(new KeyCard.Badge("Service operational", Tone.GOOD), invalid.service());
        assertEquals(new KeyCard.Badge(CardWording.NOT_COLLECTED, Tone.NEUTRAL), Cards.card(Cards.notCollected("b", "Acme")).health());
        for (String health : List.of("valid", "degraded", "outage", "invalid", "unknown")) {
            KeyCard.Badge badge = CardWording.health(health);
            assertEquals(health, badge.word().toLowerCase(java.util.Locale.ROOT), "the word names the status");
        }
    }

    @Test
    void figuresAreWordedWithTheirLimitCurrencyAndAge() {
        KeyCard card = Cards.card(Cards.collected("a", "Acme", "success", "valid", List.of()));
        assertEquals("48.2% used · 48,210 of 100,000 requests", card.usageText());
        assertEquals("42.17 USD this billing period", card.costText());
        assertEquals("Key is 120 days old", card.ageText());
        assertEquals("Collected 2026-11-23 11:30 via the provider's API", card.collectedText());
        assertNull(card.collectionText(), "a successful collection needs no sentence");
    }

    @Test
    void aFailedCollectionShowsItsRedactedError() {
        KeyCard card = Cards.card(Cards.collected("a", "Acme", "failed", "invalid", List.of()));
        assertEquals("Collection failed: HTTP 401 from the provider: the key was refused.", card.collectionText());
    }

    @Test
    void aCardWithoutFiguresOrDatesSaysSo() {
        DashboardCard bare = Cards.notCollected("a", "Acme");
        KeyCard card = KeyCard.of(bare, null, Cards.NOW, ZoneOffset.UTC);
        assertNull(card.usageText());
        assertNull(card.costText());
        assertNull(card.ageText());
        assertEquals("Not collected yet; press Refresh now.", card.collectedText());
    }

    @Test
    void usageBarTurnsToCautionAtTheWarningLevelAndBadAtTheLimit() {
        assertEquals(Tone.GOOD, KeyCardView.usageTone(79.9));
        assertEquals(Tone.CAUTION, KeyCardView.usageTone(80.0));
        assertEquals(Tone.BAD, KeyCardView.usageTone(100.0));
    }
}
