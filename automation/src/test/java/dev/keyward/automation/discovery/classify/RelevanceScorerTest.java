package dev.keyward.automation.discovery.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.feeds.SourceItem;
import dev.keyward.automation.feeds.SourceKind;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RelevanceScorerTest {

    private final RelevanceScorer scorer = new RelevanceScorer();

    private static SourceItem item(String title, String text) {
        return new SourceItem("https://docs.example/x", title, text, null, SourceKind.CHANGELOG_FEED);
    }

    private static UserContext context(Map<String, Integer> keys, Set<String> envVars, Set<String> capabilities) {
        return new UserContext(keys, Set.of("acme-prod"), Set.of("invoice-bot"), envVars, capabilities);
    }

    @Test
    void keysHeldForTheProviderDriveTheScoreAndTheReason() {
        Relevance relevance = scorer.score("acme", item("SDK 3.1", "Small fixes."),
                context(Map.of("acme", 3), Set.of(), Set.of()));

        assertEquals(0.8, relevance.score());
        assertEquals("You hold 3 keys for this provider", relevance.reason());
    }

    @Test
    void providerWithoutKeysScoresLow() {
        Relevance relevance = scorer.score("betacloud", item("SDK 3.1", "Small fixes."),
                context(Map.of("acme", 3), Set.of(), Set.of()));

        assertEquals(0.15, relevance.score());
        assertEquals("You hold no keys for this provider", relevance.reason());
    }

    @Test
    void mentionsOfCapabilitiesAndNamesTheUserHasRaiseTheScore() {
        Relevance relevance = scorer.score("acme",
                item("New embeddings model", "Set ACME_API_KEY as before; embeddings are cheaper."),
                context(Map.of("acme", 1), Set.of("ACME_API_KEY"), Set.of("embeddings", "ai")));

        assertEquals(0.9, relevance.score());
        assertEquals("You hold 1 key for this provider; it mentions embeddings, which you use; it names ACME_API_KEY"
                + " from your vault", relevance.reason());
    }

    @Test
    void scoreNeverExceedsOne() {
        Relevance relevance = scorer.score("acme", item("acme-prod embeddings", "ACME_API_KEY invoice-bot embeddings"),
                context(Map.of("acme", 12), Set.of("ACME_API_KEY"), Set.of("embeddings")));

        assertTrue(relevance.score() <= 1.0);
        assertEquals(1.0, relevance.score());
    }

    @Test
    void termsMatchOnlyAsWholeWords() {
        Relevance relevance = scorer.score("acme", item("Chat improvements", "The chatbot widget changed."),
                context(Map.of(), Set.of(), Set.of("chatbots")));

        assertEquals(0.15, relevance.score());
    }

    @Test
    void providerSlugsMatchRegardlessOfCase() {
        assertEquals(2, new UserContext(Map.of("Acme", 2), Set.of(), Set.of(), Set.of(), Set.of()).keysFor("acme"));
    }
}
