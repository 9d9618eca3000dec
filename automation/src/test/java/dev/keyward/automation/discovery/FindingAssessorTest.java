package dev.keyward.automation.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keyward.automation.discovery.classify.FindingClassifier;
import dev.keyward.automation.discovery.classify.FindingText;
import dev.keyward.automation.discovery.classify.RelevanceScorer;
import dev.keyward.automation.discovery.classify.UserContext;
import dev.keyward.automation.feeds.SourceItem;
import dev.keyward.automation.feeds.SourceKind;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FindingAssessorTest {

    private final MutableClock clock = MutableClock.atTestNow();
    private final ProviderTarget acme = new ProviderTarget("prov-acme", "acme", "Acme AI", true,
            ProviderSources.none(), Duration.ofHours(1));
    private final SourceItem item = new SourceItem("https://docs.example/x", "New embeddings model",
            "Now available.", null, SourceKind.CHANGELOG_FEED);

    @Test
    void replacementWriterThatFailsFallsBackToTheRules() {
        FindingAssessor assessor = new FindingAssessor(new FindingClassifier(clock), new RelevanceScorer(), draft -> {
            throw new IllegalStateException("LLM endpoint unreachable");
        }, clock);

        Finding finding = assessor.assess(acme, item, UserContext.empty());

        assertEquals("Acme AI announced a new or changed capability.", finding.impactSummary());
    }

    @Test
    void replacementWriterOutputIsKeptAsCappedPlainText() {
        FindingAssessor assessor = new FindingAssessor(new FindingClassifier(clock), new RelevanceScorer(),
                draft -> new FindingText("<b>Big</b> news " + "x".repeat(1000), "Try it <script>x()</script>out."),
                clock);

        Finding finding = assessor.assess(acme, item, UserContext.empty());

        assertEquals(400, finding.impactSummary().length());
        assertEquals("Try it out.", finding.actionRecommendation());
    }
}
