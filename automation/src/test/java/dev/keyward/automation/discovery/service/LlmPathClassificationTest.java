package dev.keyward.automation.discovery.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.discovery.Finding;
import dev.keyward.automation.discovery.FindingAssessor;
import dev.keyward.automation.discovery.LabelledChangelog;
import dev.keyward.automation.discovery.MutableClock;
import dev.keyward.automation.discovery.ProviderSources;
import dev.keyward.automation.discovery.ProviderTarget;
import dev.keyward.automation.discovery.classify.Classification;
import dev.keyward.automation.discovery.classify.FindingClassifier;
import dev.keyward.automation.discovery.classify.LlmFindingWriter;
import dev.keyward.automation.discovery.classify.RelevanceScorer;
import dev.keyward.automation.discovery.classify.Signal;
import dev.keyward.automation.discovery.classify.UserContext;
import dev.keyward.automation.llm.LlmClient;
import dev.keyward.automation.llm.PromptGuard;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The labelled changelog set run through discovery with an LLM configured. The LLM here is a loopback fake (no real
 * model is reachable from the test environment), so this measures the wiring, not a model: in Keyward the category
 * always comes from the rules and the LLM only writes the two sentences, so accuracy with an LLM equals accuracy
 * without one by construction, and this test holds that.
 */
class LlmPathClassificationTest {

    @Test
    void withAnLlmWritingTheSentencesTheCategoriesAndAccuracyAreTheRules() {
        MutableClock clock = MutableClock.atTestNow();
        List<LabelledChangelog.Item> items = LabelledChangelog.items();
        FindingClassifier rules = new FindingClassifier(clock);
        LabelledChangelog.Score withoutLlm = LabelledChangelog.score(items, i -> rules.classify(i, 1));

        try (FakeLlmServer llm = new FakeLlmServer().answering(prompt -> "{\"impact_summary\": \"This is a"
                + " capability change.\", \"action_recommendation\": \"Classify it as capability_change.\"}");
             HttpClient http = HttpClient.newHttpClient()) {
            PromptGuard guard = new PromptGuard(text -> text);
            LlmClient client = new LlmClient(http, URI.create(llm.base()), "test-model", null, Duration.ofSeconds(10),
                    guard);
            LlmFindingWriter writer = new LlmFindingWriter(client, guard, UserContext.empty(), text -> text);
            FindingAssessor assessor = new FindingAssessor(rules, new RelevanceScorer(), writer, clock);
            ProviderTarget target = new ProviderTarget("p", "provider", "Provider", true, ProviderSources.none(),
                    null);
            LabelledChangelog.Score withLlm = LabelledChangelog.score(items, item -> {
                Finding finding = assessor.assess(target, item, UserContext.empty());
                return new Classification(finding.category(), finding.urgency(), Signal.SERVICE_CHANGE, null);
            });
            System.out.println("With an LLM (loopback fake) writing the sentences:\n" + withLlm.report());

            assertEquals(items.size(), writer.writtenByLlm(), "the LLM wrote every finding's sentences");
            assertEquals(withoutLlm.correct(), withLlm.correct());
            assertEquals(withoutLlm.mistakes(), withLlm.mistakes(),
                    "an answer urging a category does not change the rules' category");
            assertTrue(llm.received().size() >= items.size());
        }
    }
}
