package dev.keyward.automation.discovery;

import dev.keyward.automation.discovery.classify.Urgency;
import java.util.Set;

/**
 * An inbox query: findings with any of {@code statuses} and any of {@code urgencies} (empty: all), of one
 * provider (null: all), after {@code after} (null: from the first), at most {@code limit} of them.
 */
public record FindingQuery(Set<FindingStatus> statuses, Set<Urgency> urgencies, String providerSlug,
                           FindingCursor after, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public FindingQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        urgencies = urgencies == null ? Set.of() : Set.copyOf(urgencies);
        limit = limit <= 0 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
    }

    /** Every finding, first page. */
    public static FindingQuery all() {
        return new FindingQuery(Set.of(), Set.of(), null, null, DEFAULT_LIMIT);
    }

    /** Only findings the user has not looked at yet, first page. */
    public static FindingQuery unread() {
        return new FindingQuery(Set.of(FindingStatus.NEW), Set.of(), null, null, DEFAULT_LIMIT);
    }

    /** The same filters, starting after {@code cursor}. */
    public FindingQuery after(FindingCursor cursor) {
        return new FindingQuery(statuses, urgencies, providerSlug, cursor, limit);
    }

    public FindingQuery withLimit(int newLimit) {
        return new FindingQuery(statuses, urgencies, providerSlug, after, newLimit);
    }
}
