package dev.keyward.app.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CardFilterTest {

    private final List<KeyCard> cards = List.of(
            Cards.card(Cards.collected("openai-prod", "OpenAI", "success", "valid", List.of())),
            Cards.card(Cards.collected("github-ci", "GitHub", "success", "valid", List.of("This key is 120 days old."))),
            Cards.card(Cards.collected("openai-dev", "OpenAI", "failed", "invalid", List.of())),
            Cards.card(Cards.notCollected("stripe-test", "Stripe")),
            Cards.card(Cards.collected("anthropic", "Anthropic", "success", "degraded", List.of())));

    @Test
    void everythingIsSortedProblemsFirstThenByName() {
        assertEquals(List.of("openai-dev", "anthropic", "github-ci", "stripe-test", "openai-prod"),
                names(CardFilter.everything().apply(cards)));
    }

    @Test
    void providerFilterKeepsThatProvidersKeys() {
        assertEquals(List.of("openai-dev", "openai-prod"), names(new CardFilter("OpenAI", HealthChoice.ALL, "").apply(cards)));
    }

    @Test
    void needsAttentionKeepsProblemsAndWarningsOnly() {
        assertEquals(List.of("openai-dev", "anthropic", "github-ci"),
                names(new CardFilter(null, HealthChoice.NEEDS_ATTENTION, null).apply(cards)));
        assertEquals(List.of("stripe-test"), names(new CardFilter(null, HealthChoice.NOT_COLLECTED, null).apply(cards)));
        assertEquals(List.of("openai-dev"), names(new CardFilter(null, HealthChoice.INVALID, null).apply(cards)));
    }

    @Test
    void searchMatchesPartOfTheNameIgnoringCase() {
        assertEquals(List.of("openai-dev", "openai-prod"), names(new CardFilter(null, HealthChoice.ALL, "  OPENAI ").apply(cards)));
        assertEquals(List.of("openai-prod"), names(new CardFilter("OpenAI", HealthChoice.VALID, "prod").apply(cards)));
    }

    @Test
    void providerChoicesAreEachProviderOnceInNameOrder() {
        assertEquals(List.of("Anthropic", "GitHub", "OpenAI", "Stripe"), CardFilter.providers(cards));
    }

    private static List<String> names(List<KeyCard> shown) {
        return shown.stream().map(KeyCard::name).toList();
    }
}
