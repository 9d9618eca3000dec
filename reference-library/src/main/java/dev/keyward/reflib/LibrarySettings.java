package dev.keyward.reflib;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * How a {@link ReferenceLibrary} downloads and what it starts with.
 *
 * @param archiveBase      where archives come from; the URL of one is
 *                         {@code BASE/OWNER/REPO/archive/SHA.tar.gz} (or {@code .zip})
 * @param limits           extraction and download caps
 * @param initialSources   sources registered when manifest.db is first created
 * @param downloadAttempts how many times one sync tries (and resumes) a broken download
 * @param stallTimeout     how long a download's body may stay silent before the attempt is
 *                         abandoned and resumed (response headers get a fixed 60 seconds)
 */
public record LibrarySettings(
        URI archiveBase,
        ExtractionLimits limits,
        List<ReferenceSource> initialSources,
        int downloadAttempts,
        Duration stallTimeout) {

    /** GitHub's archive-by-commit host. */
    public static final URI GITHUB_ARCHIVE_BASE = URI.create("https://github.com");

    public LibrarySettings {
        if (archiveBase == null || archiveBase.getScheme() == null || archiveBase.getHost() == null) {
            throw new IllegalArgumentException("archiveBase must be an absolute http(s) URL");
        }
        initialSources = List.copyOf(initialSources);
        if (downloadAttempts < 1) {
            throw new IllegalArgumentException("downloadAttempts must be at least 1");
        }
        if (stallTimeout == null || stallTimeout.isNegative() || stallTimeout.isZero()) {
            throw new IllegalArgumentException("stallTimeout must be positive");
        }
    }

    /** Default limits, the bundled default sources, three download attempts, a 60-second stall timeout. */
    public static LibrarySettings defaults(URI archiveBase) {
        return new LibrarySettings(archiveBase, ExtractionLimits.DEFAULTS, DefaultSources.load(), 3,
                Duration.ofSeconds(60));
    }

    public LibrarySettings withLimits(ExtractionLimits newLimits) {
        return new LibrarySettings(archiveBase, newLimits, initialSources, downloadAttempts, stallTimeout);
    }

    public LibrarySettings withInitialSources(List<ReferenceSource> sources) {
        return new LibrarySettings(archiveBase, limits, sources, downloadAttempts, stallTimeout);
    }

    public LibrarySettings withDownloadAttempts(int attempts) {
        return new LibrarySettings(archiveBase, limits, initialSources, attempts, stallTimeout);
    }

    public LibrarySettings withStallTimeout(Duration timeout) {
        return new LibrarySettings(archiveBase, limits, initialSources, downloadAttempts, timeout);
    }
}
