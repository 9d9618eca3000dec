package dev.keyward.app.ui.dashboard;

import dev.keyward.automation.dashboard.DashboardCard;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Dashboard cards for the unit tests, as the overview query would return them. */
final class Cards {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private Cards() {
    }

    static DashboardCard collected(String name, String provider, String status, String health, List<String> warnings) {
        return new DashboardCard("id-" + name, name, provider.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'), provider,
                "2026-11-23T11:30:00.000000Z", "api", status, health, "operational", 48.2, 48_210L, 100_000L, 42.17, "USD",
                warnings, "failed".equals(status) ? "HTTP 401 from the provider: the key was refused." : null);
    }

    static DashboardCard notCollected(String name, String provider) {
        return new DashboardCard("id-" + name, name, provider.toLowerCase(java.util.Locale.ROOT), provider,
                null, null, null, null, null, null, null, null, null, null, List.of(), null);
    }

    static KeyCard card(DashboardCard card) {
        return KeyCard.of(card, NOW.minusSeconds(120L * 86_400), NOW, ZoneOffset.UTC);
    }
}
