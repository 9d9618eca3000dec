package dev.keyward.automation.dashboard.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.keyward.automation.dashboard.admin.CostRow;
import dev.keyward.automation.dashboard.admin.InventoryKey;
import dev.keyward.automation.dashboard.admin.KeyMatch;
import dev.keyward.automation.dashboard.admin.OrganizationReport;
import dev.keyward.automation.dashboard.admin.UsageRow;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which cost a key gets per day: the provider's per-key rows, or its scope's cost only as the scope's one key. */
class KeyDaysTest {

    private static final LocalDate DAY = LocalDate.parse("2026-03-08");

    private static KeyMatch matched(String upstreamId, String scope) {
        return new KeyMatch(new InventoryKey(upstreamId, null, "sk-...abcd", scope, null, "active", false, null, null, null),
                "secret-" + upstreamId, "hint", 1);
    }

    private static OrganizationReport report(List<UsageRow> usage, List<CostRow> costs) {
        return new OrganizationReport("anthropic", List.of(), true, usage, true, costs, true, false, List.of());
    }

    @Test
    void perKeyCostRowsGoToTheirKeyEvenWhenItSharesItsScope() {
        KeyMatch one = matched("k1", "ws");
        KeyMatch two = matched("k2", "ws");
        KeyDays days = new KeyDays(report(List.of(new UsageRow(DAY, "k1", "m", 3, 10, 5)),
                List.of(new CostRow(DAY, "ws", "k1", 1.5, "USD"), new CostRow(DAY, "ws", "k2", 2.0, "USD"),
                        new CostRow(DAY, "ws", null, 9.0, "USD"))), List.of(one, two));

        assertEquals(KeyDays.CostBasis.PER_KEY, days.basis(one));
        assertEquals(new KeyDays.Day(3, 10, 5, 1.5, "USD"), days.of(one).get(DAY));
        assertEquals(new KeyDays.Day(-1, 0, 0, 2.0, "USD"), days.of(two).get(DAY), "a day with cost and no usage");
    }

    @Test
    void aScopeCostGoesToAKeyOnlyWhenItIsTheScopesOneActiveKey() {
        KeyMatch alone = matched("k1", "ws-a");
        KeyMatch shared = matched("k2", "ws-b");
        KeyMatch other = matched("k3", "ws-b");
        KeyDays days = new KeyDays(report(List.of(new UsageRow(DAY, "k2", "m", -1, 10, 5)),
                List.of(new CostRow(DAY, "ws-a", null, 4.0, "USD"), new CostRow(DAY, "ws-b", null, 7.0, "USD"))),
                List.of(alone, shared, other));

        assertEquals(KeyDays.CostBasis.ONLY_KEY_OF_SCOPE, days.basis(alone));
        assertEquals(4.0, days.of(alone).get(DAY).cost(), 1e-9);
        assertEquals(KeyDays.CostBasis.NONE, days.basis(shared));
        assertNull(days.of(shared).get(DAY).cost(), "two keys share ws-b: splitting its cost would be a guess");
    }

    @Test
    void twoCurrenciesOnOneDayLeaveThatDaysCostUnknown() {
        KeyMatch key = matched("k1", "ws");
        KeyDays days = new KeyDays(report(List.of(), List.of(new CostRow(DAY, "ws", "k1", 1.0, "USD"),
                new CostRow(DAY, "ws", "k1", 1.0, "EUR"))), List.of(key));
        assertNull(days.of(key).get(DAY).cost());
        assertNull(days.of(key).get(DAY).currency());
    }
}
