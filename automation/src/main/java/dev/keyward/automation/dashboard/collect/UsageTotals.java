package dev.keyward.automation.dashboard.collect;

import dev.keyward.automation.dashboard.admin.UsageRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Adds up usage rows of the same day, key and model (several endpoints or service tiers report the same key). */
final class UsageTotals {

    private UsageTotals() {
    }

    static List<UsageRow> merge(List<UsageRow> rows) {
        Map<List<Object>, UsageRow> byKey = new LinkedHashMap<>();
        for (UsageRow row : rows) {
            byKey.merge(List.of(row.day(), row.upstreamId(), row.model()), row, UsageRow::plus);
        }
        return new ArrayList<>(byKey.values());
    }
}
