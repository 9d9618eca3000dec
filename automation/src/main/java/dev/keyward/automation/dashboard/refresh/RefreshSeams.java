package dev.keyward.automation.dashboard.refresh;

import dev.keyward.automation.dashboard.TextRedactor;
import java.util.Objects;

/**
 * Everything the refresher needs from outside the dashboard engine, each behind a small interface
 * the app implements: key values, scraping, stored snapshots, status pages and redaction.
 *
 * @param secrets       reads key values for the moment of a collection
 * @param scraper       collects providers without an API collector
 * @param lastSnapshots finds the last good snapshot for the cached fallback
 * @param statusPages   tells whether a provider has an incident
 * @param redactor      scrubs every error sentence and warning
 */
public record RefreshSeams(
        SecretValueReader secrets,
        ScrapeCollector scraper,
        LastSnapshotLookup lastSnapshots,
        ProviderStatusLookup statusPages,
        TextRedactor redactor) {

    public RefreshSeams {
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(scraper, "scraper");
        Objects.requireNonNull(lastSnapshots, "lastSnapshots");
        Objects.requireNonNull(statusPages, "statusPages");
        Objects.requireNonNull(redactor, "redactor");
    }

    /** Only API collection: no scraper, no stored snapshots, no status pages. */
    public static RefreshSeams apiOnly(SecretValueReader secrets, TextRedactor redactor) {
        return new RefreshSeams(secrets, ScrapeCollector.none(), LastSnapshotLookup.none(),
                ProviderStatusLookup.unknownForAll(), redactor);
    }

    public RefreshSeams withScraper(ScrapeCollector newScraper) {
        return new RefreshSeams(secrets, newScraper, lastSnapshots, statusPages, redactor);
    }

    public RefreshSeams withLastSnapshots(LastSnapshotLookup newLookup) {
        return new RefreshSeams(secrets, scraper, newLookup, statusPages, redactor);
    }

    public RefreshSeams withStatusPages(ProviderStatusLookup newStatusPages) {
        return new RefreshSeams(secrets, scraper, lastSnapshots, newStatusPages, redactor);
    }
}
