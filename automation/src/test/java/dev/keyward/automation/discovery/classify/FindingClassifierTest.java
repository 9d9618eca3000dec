package dev.keyward.automation.discovery.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.keyward.automation.discovery.MutableClock;
import dev.keyward.automation.feeds.IncidentState;
import dev.keyward.automation.feeds.IncidentState.Impact;
import dev.keyward.automation.feeds.IncidentState.Phase;
import dev.keyward.automation.feeds.SourceItem;
import dev.keyward.automation.feeds.SourceKind;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "Now" is 1 May 2026, so the action window runs to 31 May 2026. */
class FindingClassifierTest {

    private final FindingClassifier classifier = new FindingClassifier(MutableClock.atTestNow());

    private static SourceItem changelog(String title, String text) {
        return new SourceItem("https://docs.example/" + title.hashCode(), title, text, null, SourceKind.CHANGELOG_FEED);
    }

    private static SourceItem search(String title, String text) {
        return new SourceItem("https://web.example/" + title.hashCode(), title, text, null, SourceKind.WEB_SEARCH);
    }

    private static SourceItem status(SourceKind kind, Phase phase, Impact impact) {
        return new SourceItem("https://status.example/incidents/x", "Elevated error rates on the API",
                "Status: investigating.", null, kind, new IncidentState(phase, impact));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Deprecating /v1/completions | The endpoint will be shut down on 2026-05-20.        | 2026-05-20
            Sunset of the v2 API        | The v2 API will sunset on May 15, 2026.             | 2026-05-15
            Model end-of-life notice    | acme-small reaches end-of-life on 10 May 2026.      | 2026-05-10
            Retiring legacy voices      | Legacy voices retire on the 1st of May 2026.        | 2026-05-01
            Shutdown of the beta API    | The beta API shuts down Sept. 3rd, 2026 and May 31 2026 for EU. | 2026-05-31
            """)
    void deprecationDatedWithinThirtyDaysNeedsAction(String title, String text, LocalDate expectedDate) {
        Classification c = classifier.classify(changelog(title, text), 0);

        assertEquals(FindingCategory.DEPRECATION, c.category());
        assertEquals(Urgency.ACTION_NEEDED, c.urgency());
        assertEquals(expectedDate, c.keyDate());
    }

    @Test
    void deprecationDatedLaterIsAdvisory() {
        Classification c = classifier.classify(changelog("beta-v1 models deprecated",
                "The beta-v1 models will be retired on December 1, 2026."), 2);

        assertEquals(FindingCategory.DEPRECATION, c.category());
        assertEquals(Urgency.ADVISORY, c.urgency());
        assertEquals(LocalDate.of(2026, 12, 1), c.keyDate());
    }

    @Test
    void deprecationWithOnlyAPastOrNoDateIsAdvisory() {
        assertEquals(Urgency.ADVISORY, classifier.classify(changelog("Deprecated parameters",
                "The temperature_v0 parameter was deprecated on 2026-01-10."), 1).urgency());
        assertEquals(Urgency.ADVISORY, classifier.classify(changelog("Deprecation notice",
                "The old SDK is deprecated."), 1).urgency());
    }

    @Test
    void securityAdvisoryIsCriticalWhenTheUserHoldsKeysForTheProvider() {
        SourceItem item = changelog("Security advisory: API keys written to SDK debug logs",
                "Keys may have been leaked where debug logs were shipped to third parties.");

        Classification held = classifier.classify(item, 3);
        Classification notHeld = classifier.classify(item, 0);

        assertEquals(FindingCategory.SECURITY_ADVISORY, held.category());
        assertEquals(Urgency.CRITICAL, held.urgency());
        assertEquals(FindingCategory.SECURITY_ADVISORY, notHeld.category());
        assertEquals(Urgency.ADVISORY, notHeld.urgency());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Vulnerability in the webhook signer   | A vulnerability allowed forged webhook signatures.
            Incident report                       | Some customer accounts were compromised via reused passwords.
            Patch for CVE-2026-12345              | Update the SDK.
            """)
    void securityWordsMakeASecurityAdvisory(String title, String text) {
        assertEquals(FindingCategory.SECURITY_ADVISORY, classifier.classify(changelog(title, text), 1).category());
    }

    @Test
    void memoryLeakIsNotASecurityAdvisory() {
        assertNotEquals(FindingCategory.SECURITY_ADVISORY, classifier.classify(changelog("SDK 2.4.1 released",
                "Fixes a memory leak in the streaming client."), 1).category());
    }

    @Test
    void ongoingMajorOrCriticalIncidentNeedsAction() {
        Classification major = classifier.classify(status(SourceKind.STATUS_INCIDENT, Phase.ONGOING, Impact.MAJOR), 1);
        Classification critical = classifier.classify(
                status(SourceKind.STATUS_INCIDENT, Phase.ONGOING, Impact.CRITICAL), 1);

        assertEquals(FindingCategory.SERVICE_MODIFICATION, major.category());
        assertEquals(Urgency.ACTION_NEEDED, major.urgency());
        assertEquals(Signal.OUTAGE_ONGOING, major.signal());
        assertEquals(Urgency.ACTION_NEEDED, critical.urgency());
    }

    @Test
    void ongoingMinorIncidentIsAdvisory() {
        assertEquals(Urgency.ADVISORY,
                classifier.classify(status(SourceKind.STATUS_INCIDENT, Phase.ONGOING, Impact.MINOR), 1).urgency());
    }

    @Test
    void resolvedIncidentIsInformationalWhateverItsImpact() {
        Classification c = classifier.classify(status(SourceKind.STATUS_INCIDENT, Phase.RESOLVED, Impact.CRITICAL), 1);

        assertEquals(Urgency.INFORMATIONAL, c.urgency());
        assertEquals(Signal.OUTAGE_RESOLVED, c.signal());
    }

    @Test
    void maintenanceIsInformationalUntilItIsInProgress() {
        assertEquals(Urgency.INFORMATIONAL, classifier.classify(
                status(SourceKind.STATUS_MAINTENANCE, Phase.SCHEDULED, Impact.MAINTENANCE), 1).urgency());
        assertEquals(Urgency.ADVISORY, classifier.classify(
                status(SourceKind.STATUS_MAINTENANCE, Phase.ONGOING, Impact.MAINTENANCE), 1).urgency());
    }

    @Test
    void priceIncreaseIsAdvisoryAndNeedsActionWhenEffectiveWithinThirtyDays() {
        Classification later = classifier.classify(changelog("Pricing update for acme-large",
                "A price increase for output tokens from $10 to $12 per 1M tokens, effective June 15, 2026."), 1);
        Classification soon = classifier.classify(changelog("Pricing update for acme-large",
                "A price increase for output tokens from $10 to $12 per 1M tokens, effective 2026-05-10."), 1);

        assertEquals(FindingCategory.PRICING_UPDATE, later.category());
        assertEquals(Urgency.ADVISORY, later.urgency());
        assertEquals(Signal.PRICE_INCREASE, later.signal());
        assertEquals(Urgency.ACTION_NEEDED, soon.urgency());
        assertEquals(LocalDate.of(2026, 5, 10), soon.keyDate());
    }

    @Test
    void priceReductionIsInformational() {
        Classification c = classifier.classify(changelog("Price reduction for batch requests",
                "Batch requests now cost 50% less."), 1);

        assertEquals(FindingCategory.PRICING_UPDATE, c.category());
        assertEquals(Urgency.INFORMATIONAL, c.urgency());
        assertEquals(Signal.PRICE_DECREASE, c.signal());
    }

    @Test
    void comparisonArticleIsANewAlternative() {
        Classification c = classifier.classify(search("Five open-source alternatives to Acme AI, compared",
                "Two of them are faster."), 1);

        assertEquals(FindingCategory.NEW_ALTERNATIVE, c.category());
        assertEquals(Urgency.INFORMATIONAL, c.urgency());
    }

    @Test
    void newModelIsACapabilityChange() {
        Classification c = classifier.classify(changelog("New embeddings model: acme-embed-3 now available",
                "Better multilingual retrieval."), 1);

        assertEquals(FindingCategory.CAPABILITY_CHANGE, c.category());
        assertEquals(Urgency.INFORMATIONAL, c.urgency());
    }

    @Test
    void rateLimitChangeIsAServiceModification() {
        Classification c = classifier.classify(changelog("Updated rate limits for tier 2 organisations",
                "5,000 requests per minute on the chat endpoint."), 1);

        assertEquals(FindingCategory.SERVICE_MODIFICATION, c.category());
        assertEquals(Urgency.INFORMATIONAL, c.urgency());
    }

    @Test
    void breakingChangeSoonNeedsAction() {
        Classification c = classifier.classify(changelog("API version 2026-05 has breaking changes",
                "Tool call arguments become objects on May 12, 2026."), 1);

        assertEquals(FindingCategory.SERVICE_MODIFICATION, c.category());
        assertEquals(Urgency.ACTION_NEEDED, c.urgency());
        assertEquals(Signal.BREAKING_CHANGE, c.signal());
    }

    @Test
    void outageReportFromSearchIsAdvisoryUnlessResolved() {
        assertEquals(Urgency.ADVISORY, classifier.classify(search("Acme AI API outage today?",
                "Looks like a partial outage."), 1).urgency());
        assertEquals(Urgency.INFORMATIONAL, classifier.classify(search("Acme AI outage resolved",
                "Service was restored after two hours."), 1).urgency());
    }

    @Test
    void changelogEntryWithoutTellingWordsIsACapabilityNote() {
        Classification c = classifier.classify(changelog("SDK 3.1", "Assorted small fixes."), 0);

        assertEquals(FindingCategory.CAPABILITY_CHANGE, c.category());
        assertEquals(Urgency.INFORMATIONAL, c.urgency());
    }
}
