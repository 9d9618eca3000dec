package dev.keyward.app.ui.discovery;

import dev.keyward.automation.discovery.classify.Urgency;
import dev.keyward.automation.discovery.FindingQuery;
import dev.keyward.automation.discovery.FindingStatus;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the inbox shows: findings with one of {@code statuses} and one of {@code urgencies} (empty: any),
 * of one provider (null: all).
 */
record InboxFilter(Set<FindingStatus> statuses, Set<Urgency> urgencies, String providerSlug) {

    /** Open findings: new and reviewed, so dismissed and actioned ones are out of the way. */
    static final Set<FindingStatus> OPEN = Set.copyOf(EnumSet.of(FindingStatus.NEW, FindingStatus.REVIEWED));

    InboxFilter {
        statuses = Set.copyOf(statuses);
        urgencies = Set.copyOf(urgencies);
    }

    /** The inbox as it first opens: open findings of every urgency and provider. */
    static InboxFilter initial() {
        return new InboxFilter(OPEN, Set.of(), null);
    }

    /** True when only the default narrowing applies, so "nothing here" means "nothing open at all". */
    boolean isInitial() {
        return equals(initial());
    }

    /** True when any finding at all would show, whatever its status. */
    boolean showsEverything() {
        return statuses.isEmpty() && urgencies.isEmpty() && providerSlug == null;
    }

    /** The first page of this filter, {@code pageSize} findings long. */
    FindingQuery firstPage(int pageSize) {
        return new FindingQuery(statuses, urgencies, providerSlug, null, pageSize);
    }
}
