package dev.keyward.automation.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.discovery.classify.FindingCategory;
import dev.keyward.automation.discovery.classify.Urgency;
import dev.keyward.automation.feeds.SourceKind;

import java.util.List;
import org.junit.jupiter.api.Test;

class FindingDeduplicatorTest {

    private final FindingDeduplicator deduplicator = new FindingDeduplicator();

    private static Finding finding(String url, String title, SourceKind kind) {
        return new Finding("prov-acme", MutableClock.TEST_NOW, url, title, "snippet", kind, null,
                FindingCategory.CAPABILITY_CHANGE, Urgency.INFORMATIONAL, 0.5, "reason", "impact", "action");
    }

    private static Finding feed(String url, String title) {
        return finding(url, title, SourceKind.CHANGELOG_FEED);
    }

    private static List<String> urls(List<Finding> findings) {
        return findings.stream().map(Finding::sourceUrl).toList();
    }

    @Test
    void sameAddressWithTrackingTextFragmentOrTrailingSlashIsADuplicate() {
        List<KnownFinding> known = List.of(new KnownFinding("https://docs.example/changelog/pricing", "Pricing A"));

        List<Finding> fresh = deduplicator.keepNew(List.of(
                feed("https://docs.example/changelog/pricing/?utm_source=rss&utm_campaign=x#:~:text=price", "Pricing B"),
                feed("http://www.docs.example:80/changelog/pricing", "Pricing C"),
                feed("https://docs.example/changelog/pricing?page=2", "Pricing D")), known);

        assertEquals(List.of("https://docs.example/changelog/pricing?page=2"), urls(fresh));
    }

    @Test
    void nearIdenticalTitlesAreDuplicatesAcrossSources() {
        List<KnownFinding> known = List.of(new KnownFinding("https://docs.example/a",
                "Deprecating the legacy /v1/completions endpoint"));

        List<Finding> fresh = deduplicator.keepNew(List.of(
                finding("https://news.example/b", "Deprecating the legacy v1 completions endpoint!",
                        SourceKind.WEB_SEARCH),
                finding("https://news.example/c", "Deprecating the legacy /v1/completion endpoint",
                        SourceKind.WEB_SEARCH),
                finding("https://news.example/d", "Deprecating the legacy /v2/assistants endpoint",
                        SourceKind.WEB_SEARCH)), known);

        assertEquals(List.of("https://news.example/d"), urls(fresh));
    }

    @Test
    void duplicatesWithinOneBatchKeepTheFirst() {
        List<Finding> fresh = deduplicator.keepNew(List.of(
                feed("https://docs.example/a", "Batch API now supports embeddings"),
                feed("https://docs.example/a/", "Something else entirely"),
                feed("https://mirror.example/a", "Batch API now supports embeddings.")), List.of());

        assertEquals(List.of("https://docs.example/a"), urls(fresh));
    }

    @Test
    void differentAnchorsOnOneChangelogPageAreDifferentFindings() {
        List<Finding> fresh = deduplicator.keepNew(List.of(
                feed("https://docs.example/changelog#entry-2", "Pricing change for the large model"),
                feed("https://docs.example/changelog#entry-1", "Usage API now reports cost per period"),
                feed("https://docs.example/changelog#entry-3", "A third story about something else")),
                List.of(new KnownFinding("https://docs.example/changelog#entry-3", "Stored earlier")));

        assertEquals(List.of("https://docs.example/changelog#entry-2", "https://docs.example/changelog#entry-1"),
                urls(fresh));
    }

    @Test
    void shortGenericTitlesAreNotEnoughToCallItADuplicate() {
        List<Finding> fresh = deduplicator.keepNew(List.of(feed("https://docs.example/2026-05", "Release notes")),
                List.of(new KnownFinding("https://docs.example/2026-04", "Release notes")));

        assertEquals(1, fresh.size());
    }

    @Test
    void statusIncidentsWithRecurringTitlesAreDistinctByAddress() {
        List<Finding> fresh = deduplicator.keepNew(List.of(
                finding("https://stspg.example/new1", "Elevated error rates on the API", SourceKind.STATUS_INCIDENT)),
                List.of(new KnownFinding("https://stspg.example/old9", "Elevated error rates on the API")));

        assertEquals(1, fresh.size());
    }

    @Test
    void titleSimilarityCombinesTokenOverlapAndEditDistance() {
        String a = TitleSimilarity.normalise("New model: acme-large-2 is available");
        String b = TitleSimilarity.normalise("New model acme large 2 is available!");
        String c = TitleSimilarity.normalise("Acme raises prices for acme-large-2");

        assertEquals(1.0, TitleSimilarity.similarity(a, b, 0.9));
        assertTrue(TitleSimilarity.similarity(a, c, 0.9) < 0.5);
    }

    @Test
    void urlKeysIgnoreCaseOfHostAndSchemeButKeepPathCase() {
        assertEquals(UrlNormalizer.key("HTTPS://Docs.Example/A/"), UrlNormalizer.key("https://docs.example/A"));
        assertTrue(!UrlNormalizer.key("https://docs.example/A").equals(UrlNormalizer.key("https://docs.example/a")));
    }
}
