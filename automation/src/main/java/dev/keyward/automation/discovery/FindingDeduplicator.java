package dev.keyward.automation.discovery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Drops findings that repeat a stored finding or an earlier one in the same batch: same normalised
 * source address, or a near-identical title (similarity at or above {@link #TITLE_THRESHOLD}).
 */
public final class FindingDeduplicator {

    /** Titles this similar are the same story told twice. */
    public static final double TITLE_THRESHOLD = 0.9;
    // Short titles such as "Maintenance" or "Release notes" repeat for unrelated events.
    private static final int MIN_TITLE_TOKENS = 3;

    /** The findings of {@code batch} that are new, in their original order. */
    public List<Finding> keepNew(List<Finding> batch, Collection<KnownFinding> known) {
        Set<String> urls = new HashSet<>();
        List<String> titles = new ArrayList<>();
        for (KnownFinding k : known) {
            urls.add(UrlNormalizer.key(k.url()));
            addTitle(titles, k.title());
        }
        List<Finding> fresh = new ArrayList<>();
        for (Finding finding : batch) {
            String url = UrlNormalizer.key(finding.sourceUrl());
            if (urls.contains(url)) {
                continue;
            }
            // Status pages give every incident its own address while reusing titles
            // ("Elevated error rates"), so for them only the address decides.
            if (!finding.sourceKind().isStatusPage() && matchesTitle(titles, finding.sourceTitle())) {
                continue;
            }
            fresh.add(finding);
            urls.add(url);
            addTitle(titles, finding.sourceTitle());
        }
        return fresh;
    }

    private static void addTitle(List<String> titles, String title) {
        String normalised = TitleSimilarity.normalise(title);
        if (TitleSimilarity.tokenCount(normalised) >= MIN_TITLE_TOKENS) {
            titles.add(normalised);
        }
    }

    private static boolean matchesTitle(List<String> titles, String title) {
        String normalised = TitleSimilarity.normalise(title);
        if (TitleSimilarity.tokenCount(normalised) < MIN_TITLE_TOKENS) {
            return false;
        }
        for (String known : titles) {
            if (TitleSimilarity.similarity(normalised, known, TITLE_THRESHOLD) >= TITLE_THRESHOLD) {
                return true;
            }
        }
        return false;
    }
}
