package dev.keyward.automation.practice;

import static dev.keyward.automation.practice.ConsoleClient.html;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PracticeDashboardPageTest {

    private PracticeCloud cloud;
    private ConsoleClient browser;

    @BeforeEach
    void start() throws Exception {
        cloud = PracticeCloud.start(0);
        browser = new ConsoleClient(cloud);
        browser.signIn();
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    @Test
    void dashboardShowsEachFigureUnderItsStableId() throws Exception {
        cloud.state().setUsage(new UsageFigures(1_250, 10_000, new BigDecimal("3.50"), "EUR", "Starter", "us-east-2", 60));
        int viewsBefore = cloud.state().pageViews().size();
        Document page = html(browser.get("/dashboard"));
        assertEquals("1250", page.selectFirst("#usage-requests").text());
        assertEquals("10000", page.selectFirst("#usage-limit").text());
        assertEquals("12.5", page.selectFirst("#usage-percent").text());
        assertEquals("3.50", page.selectFirst("#usage-cost").text());
        assertEquals("EUR", page.selectFirst("#usage-currency").text());
        assertEquals("Starter", page.selectFirst("#plan-name").text());
        assertEquals("us-east-2", page.selectFirst("#config-region").text());
        assertEquals("60", page.selectFirst("[data-testid=restriction-rate-limit]").text());
        assertEquals(List.of("/dashboard"), cloud.state().pageViews().subList(viewsBefore, cloud.state().pageViews().size()));
    }

    @Test
    void layoutV2RenamesTheIdsSoOldSelectorsStopMatching() throws Exception {
        cloud.state().setDashboardLayout(PracticeState.DashboardLayout.V2);
        Document page = html(browser.get("/dashboard"));
        for (String old : new String[] {"#usage-requests", "#usage-limit", "#usage-cost", "#plan-name",
                "#config-region", "#restriction-rate-limit"}) {
            assertTrue(page.select(old).isEmpty(), old);
        }
        assertEquals("48210", page.selectFirst("#metric-requests-mtd").text());
        assertEquals("Builder", page.selectFirst("#subscription-tier").text());
    }

    @Test
    void figuresAreEscaped() throws Exception {
        String plan = "<script>alert('x')</script>";
        cloud.state().setUsage(new UsageFigures(1, 2, BigDecimal.ONE, "USD", plan, "r&d\"region", 1));
        HttpResponse<String> response = browser.get("/dashboard");
        assertFalse(response.body().contains(plan));
        Document page = html(response);
        assertTrue(page.select("script").isEmpty());
        assertEquals(plan, page.selectFirst("#plan-name").text());
        assertEquals("r&d\"region", page.selectFirst("#config-region").attr("data-value"));
    }

    @Test
    void unknownPageIsANotFoundAndWrongMethodIsRefused() throws Exception {
        assertEquals(404, browser.get("/nowhere").statusCode());
        assertEquals(405, browser.post("/dashboard", ConsoleClient.form()).statusCode());
    }
}
