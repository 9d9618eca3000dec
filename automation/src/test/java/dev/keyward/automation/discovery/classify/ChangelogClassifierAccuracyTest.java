package dev.keyward.automation.discovery.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.discovery.LabelledChangelog;
import dev.keyward.automation.discovery.MutableClock;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rule-based classifier on the labelled set of real changelog items (quality floors, not timings). The figures
 * are printed to the test output and recorded in docs/performance.md.
 */
class ChangelogClassifierAccuracyTest {

    private final FindingClassifier classifier = new FindingClassifier(MutableClock.atTestNow());

    @Test
    void theLabelledSetHoldsAtLeastAHundredRealItemsFromSeveralProviders() {
        List<LabelledChangelog.Item> items = LabelledChangelog.items();
        assertTrue(items.size() >= 100, "items: " + items.size());
        assertTrue(items.stream().map(LabelledChangelog.Item::provider).distinct().count() >= 5);
    }

    @Test
    void ruleBasedAccuracyOnRealChangelogItemsStaysAboveItsFloor() {
        LabelledChangelog.Score score = LabelledChangelog.score(LabelledChangelog.items(), i -> classifier.classify(i, 1));
        System.out.println("Rule-based classifier on the labelled changelog set:\n" + score.report());

        assertTrue(score.accuracy() >= 0.90, score.report());
        int[] notCapability = new int[2];
        score.perLabel().forEach((label, counts) -> {
            if (label != FindingCategory.CAPABILITY_CHANGE) {
                notCapability[0] += counts[0];
                notCapability[1] += counts[1];
            }
        });
        // The set is mostly feature notes; the floor on the rest keeps "always capability_change" from passing.
        assertTrue(notCapability[0] >= notCapability[1] * 0.75, score.report());
    }

    @Test
    void aRedirectAnnouncedWithADateIsAServiceModification() {
        LabelledChangelog.Item help = LabelledChangelog.items().stream()
                .filter(i -> i.item().title().startsWith("help.github.com")).findFirst().orElseThrow();
        assertEquals(FindingCategory.SERVICE_MODIFICATION, classifier.classify(help.item(), 1).category());
    }
}
