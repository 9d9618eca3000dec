package dev.keyward.automation.discovery;

import dev.keyward.automation.discovery.classify.Classification;
import dev.keyward.automation.discovery.classify.FindingClassifier;
import dev.keyward.automation.discovery.classify.FindingDraft;
import dev.keyward.automation.discovery.classify.FindingText;
import dev.keyward.automation.discovery.classify.FindingWriter;
import dev.keyward.automation.discovery.classify.Relevance;
import dev.keyward.automation.discovery.classify.RelevanceScorer;
import dev.keyward.automation.discovery.classify.RuleBasedFindingWriter;
import dev.keyward.automation.discovery.classify.UserContext;
import dev.keyward.automation.feeds.PlainText;
import dev.keyward.automation.feeds.SourceItem;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a source item into a {@link Finding}: classify, score relevance, write the two sentences. */
public final class FindingAssessor {

    private static final Logger LOG = LoggerFactory.getLogger(FindingAssessor.class);
    private static final int SENTENCE_MAX = 400;

    private final FindingClassifier classifier;
    private final RelevanceScorer scorer;
    private final FindingWriter writer;
    private final FindingWriter fallbackWriter = new RuleBasedFindingWriter();
    private final Clock clock;

    public FindingAssessor(FindingClassifier classifier, RelevanceScorer scorer, FindingWriter writer, Clock clock) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The rule-based assessor: fixed rules for classification and sentences. */
    public static FindingAssessor ruleBased(Clock clock) {
        return new FindingAssessor(new FindingClassifier(clock), new RelevanceScorer(), new RuleBasedFindingWriter(),
                clock);
    }

    public Finding assess(ProviderTarget provider, SourceItem item, UserContext context) {
        int keys = context.keysFor(provider.slug());
        Classification classification = classifier.classify(item, keys);
        Relevance relevance = scorer.score(provider.slug(), item, context);
        FindingDraft draft = new FindingDraft(provider.displayName(), item, classification, relevance, keys,
                LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        FindingText text = write(draft);
        return new Finding(provider.providerId(), clock.instant(), item.url(), item.title(), item.text(),
                item.sourceKind(), item.publishedAt(), classification.category(), classification.urgency(),
                relevance.score(), relevance.reason(), text.impactSummary(), text.actionRecommendation());
    }

    // A replaceable writer (an LLM, say) may fail or ramble; the rules always produce usable plain sentences.
    private FindingText write(FindingDraft draft) {
        try {
            FindingText text = writer.write(draft);
            String impact = PlainText.of(text.impactSummary(), SENTENCE_MAX);
            String action = PlainText.of(text.actionRecommendation(), SENTENCE_MAX);
            if (!impact.isEmpty() && !action.isEmpty()) {
                return new FindingText(impact, action);
            }
        } catch (RuntimeException e) {
            LOG.warn("Finding writer failed ({}); using the rule-based sentences instead", e.getClass().getSimpleName());
        }
        return fallbackWriter.write(draft);
    }
}
