package dev.keyward.app.cli;

import dev.keyward.automation.dashboard.DashboardCard;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints a dashboard card as a few lines of text for {@code keyward dashboard show}. */
final class DashboardCards {

    private DashboardCards() {
    }

    static void print(DashboardCard card, PrintStream out) {
        out.println(card.secretName() + " (" + card.providerSlug() + ")");
        if (!card.collected()) {
            out.println("  not collected yet; run: keyward dashboard refresh");
            return;
        }
        out.println("  health " + card.health() + " · service " + card.service() + " · " + card.method() + " "
                + card.status() + " · collected " + card.collectedAt());
        List<String> figures = new ArrayList<>();
        if (card.usagePercent() != null) {
            figures.add("usage " + number(card.usagePercent()) + "%");
        }
        if (card.requests() != null) {
            figures.add(String.format(Locale.ROOT, "%,d", card.requests()) + " requests"
                    + (card.requestLimit() == null ? "" : String.format(Locale.ROOT, " of %,d", card.requestLimit())));
        }
        if (card.cost() != null) {
            figures.add("cost " + number(card.cost()) + (card.currency() == null ? "" : " " + card.currency()));
        }
        if (!figures.isEmpty()) {
            out.println("  " + String.join(" · ", figures));
        }
        card.warnings().forEach(warning -> out.println("  ! " + warning));
        if (card.error() != null) {
            out.println("  error: " + card.error());
        }
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
