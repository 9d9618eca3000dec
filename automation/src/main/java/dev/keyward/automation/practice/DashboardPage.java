package dev.keyward.automation.practice;

import static dev.keyward.automation.practice.Html.e;

import java.util.List;

/**
 * The usage dashboard, in layout V1 or the renamed V2 that breaks selectors written for V1.
 */
final class DashboardPage {

    /** One figure with its element id in each layout; {@code suffix} is shown after the value, outside the element. */
    private record Figure(String label, String v1Id, String v2Id, String value, String suffix) {
    }

    private final PracticeState state;

    DashboardPage(PracticeState state) {
        this.state = state;
    }

    void register(Router router) {
        router.get("/dashboard", Router.Access.SIGNED_IN, request -> PracticeResponse.html(200, render()));
    }

    private String render() {
        UsageFigures usage = state.usage();
        List<Figure> usageFigures = List.of(
                new Figure("Requests this month", "usage-requests", "metric-requests-mtd",
                        Long.toString(usage.requests()), ""),
                new Figure("Monthly request limit", "usage-limit", "metric-request-quota",
                        Long.toString(usage.requestLimit()), ""),
                new Figure("Usage", "usage-percent", "metric-quota-used",
                        usage.usagePercent().toPlainString(), "%"),
                new Figure("Cost this month", "usage-cost", "metric-spend-mtd",
                        usage.cost().toPlainString(), ""),
                new Figure("Currency", "usage-currency", "metric-spend-currency", usage.currency(), ""));
        List<Figure> planFigures = List.of(
                new Figure("Plan", "plan-name", "subscription-tier", usage.plan(), ""),
                new Figure("Region", "config-region", "settings-region", usage.region(), ""),
                new Figure("Rate limit", "restriction-rate-limit", "limits-rpm",
                        Integer.toString(usage.rateLimitPerMinute()), " requests per minute"));
        String main = state.dashboardLayout() == PracticeState.DashboardLayout.V1
                ? v1(usageFigures, planFigures, usage)
                : v2(usageFigures, planFigures);
        return Html.page("Dashboard", true, main);
    }

    private static String v1(List<Figure> usageFigures, List<Figure> planFigures, UsageFigures usage) {
        return """
                <h1>Usage dashboard</h1>
                <section aria-labelledby="usage-heading" data-testid="usage-panel" data-layout="v1">
                <h2 id="usage-heading">This month</h2>
                <dl class="figures">
                %s</dl>
                <progress id="usage-bar" max="100" value="%s" aria-label="Usage of the monthly limit">%s%%</progress>
                </section>
                <section aria-labelledby="plan-heading" data-testid="plan-panel">
                <h2 id="plan-heading">Plan and configuration</h2>
                <dl class="figures">
                %s</dl>
                </section>
                """.formatted(v1List(usageFigures), e(usage.usagePercent().toPlainString()),
                e(usage.usagePercent().toPlainString()), v1List(planFigures));
    }

    private static String v1List(List<Figure> figures) {
        StringBuilder out = new StringBuilder();
        for (Figure f : figures) {
            out.append("<dt>").append(e(f.label())).append("</dt><dd><span id=\"").append(f.v1Id())
                    .append("\" data-testid=\"").append(f.v1Id()).append("\" data-value=\"").append(e(f.value()))
                    .append("\">").append(e(f.value())).append("</span>").append(e(f.suffix())).append("</dd>\n");
        }
        return out.toString();
    }

    // V2 is a redesign: cards instead of a definition list, a new heading, and every id renamed.
    private static String v2(List<Figure> usageFigures, List<Figure> planFigures) {
        return """
                <h1>Overview</h1>
                <div class="cards" data-testid="overview-cards" data-layout="v2">
                %s%s</div>
                """.formatted(v2Cards(usageFigures), v2Cards(planFigures));
    }

    private static String v2Cards(List<Figure> figures) {
        StringBuilder out = new StringBuilder();
        for (Figure f : figures) {
            out.append("<div class=\"card\"><div class=\"card-label\">").append(e(f.label()))
                    .append("</div><div class=\"card-value\" id=\"").append(f.v2Id()).append("\" data-testid=\"")
                    .append(f.v2Id()).append("\">").append(e(f.value())).append(e(f.suffix())).append("</div></div>\n");
        }
        return out.toString();
    }
}
