package dev.keyward.app.ui.dashboard;

import dev.keyward.app.session.SessionServices;
import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static dev.keyward.app.ui.DesktopTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.ui.BackgroundWork;
import dev.keyward.app.ui.DesktopTest;
import dev.keyward.app.ui.DesktopTestKit;
import dev.keyward.app.ui.PageContext;
import dev.keyward.app.ui.Theme;
import dev.keyward.automation.dashboard.HealthStatus;
import dev.keyward.automation.dashboard.refresh.RefreshSettings;
import dev.keyward.automation.dashboard.refresh.RefreshTiming;
import dev.keyward.automation.dashboard.service.DashboardConfig;
import dev.keyward.automation.dashboard.service.DashboardService;
import dev.keyward.automation.dashboard.store.DailySummaryRepository;
import dev.keyward.automation.dashboard.summary.DailySummary;
import dev.keyward.automation.dashboard.summary.SummaryKey;
import dev.keyward.automation.practice.KeyLedger;
import dev.keyward.automation.practice.PracticeCloud;
import dev.keyward.automation.practice.PracticeState;
import dev.keyward.vault.jobs.JobName;
import dev.keyward.vault.profile.ProfileSummary;
import dev.keyward.vault.provider.ProviderUpdate;
import dev.keyward.vault.session.ProfileService;
import dev.keyward.vault.session.VaultSession;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The dashboard page on a real profile with snapshots from real refreshes (Practice Cloud on
 * loopback through DashboardService) and daily summaries from the store's own writer.
 */
@DesktopTest
class DashboardPageFlowTest {

    /** A Practice Cloud-shaped key the cloud does not know (it answers 401); it must never appear on screen. */
    private static final String CANARY = "pc_test_canary0value0that0must0never0show";

    @TempDir
    Path dataDir;
    /** The session's services the page works with (made with the page, closed before the session). */
    SessionServices services;
    private Stage stage;
    private VaultSession session;
    private PracticeCloud cloud;
    private DirectDashboardJobs jobs;
    private DashboardPage page;
    private final BackgroundWork work = new BackgroundWork();
    private String mainId;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Theme.LIGHT.apply();
        stage.setScene(new Scene(new StackPane(), 1100, 760));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        if (page != null) {
            onFx(() -> {
                page.dispose();
                return null;
            });
        }
        if (jobs != null) {
            jobs.release();
            waitUntil("no refresh is running", () -> !jobs.isRunning());
        }
        work.close();
        if (cloud != null) {
            cloud.close();
        }
        if (services != null) {
            services.close();
        }
        if (session != null) {
            session.close();
        }
    }

    /** A profile without automation data, as created. */
    private void plainProfile() {
        ProfileService profiles = DesktopTestKit.profiles(dataDir);
        ProfileSummary profile = DesktopTestKit.createProfile(profiles, "work");
        session = DesktopTestKit.open(profiles, profile);
        jobs = new DirectDashboardJobs(new DashboardService(session));
    }

    /** Three watched keys (valid, invalid, no collector), a key without provider, and 120 days of summaries for pc-main. */
    private void watchedKeys() throws Exception {
        plainProfile();
        cloud = PracticeCloud.start(0, new PracticeState(Clock.systemUTC()));
        session.providers().update("practice-cloud", new ProviderUpdate(cloud.baseUrl(), null, null, null, null, null));
        // Tests reach nothing but loopback: Cloudflare has no collector, and its status page is switched off.
        session.providers().update("cloudflare", new ProviderUpdate(null, null, "", null, null, null));
        mainId = session.secrets().add("pc-main", KeyLedger.DEFAULT_SEEDED_VALUE.toCharArray(), "practice-cloud").id();
        session.secrets().add("pc-stale", CANARY.toCharArray(), "practice-cloud");
        session.secrets().add("cf-token", "cloudflare-token-value-0001".toCharArray(), "cloudflare");
        session.secrets().add("no-provider", "plain-value-without-provider".toCharArray(), null);
        String providerId = session.providers().get("practice-cloud").id();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        DailySummaryRepository summaries = new DailySummaryRepository(session.profileId());
        session.database().write(c -> {
            for (int back = 1; back <= 120; back++) {
                summaries.upsert(c, new DailySummary(new SummaryKey(session.profileId(), mainId, providerId, today.minusDays(back)),
                        20.0 + back % 10, 30.0 + back % 10, 1.5 * back, "USD", HealthStatus.VALID, 24, 0, 24, "{\"valid\":24}"));
            }
            return null;
        });
        DashboardConfig config = DashboardConfig.defaults()
                .withTiming(new RefreshTiming(Clock.systemUTC(), duration -> { }, () -> 0.0))
                .withRefresh(RefreshSettings.defaults().withRequestTimeout(Duration.ofSeconds(5)));
        jobs = new DirectDashboardJobs(new DashboardService(session, config));
    }

    private void openPage() {
        onFx(() -> {
            PageContext ctx = DesktopTestKit.pageContext(session, work, stage, new DesktopTestKit.QueuedFiles(), jobs,
                    services != null ? services : (services = SessionServices.open(session, dataDir)));
            page = new DashboardPage(ctx);
            stage.getScene().setRoot((Parent) page.view());
            return null;
        });
    }

    private void refreshedBeforehand() throws Exception {
        assertTrue(jobs.runNow(JobName.DASHBOARD_REFRESH).get(60, TimeUnit.SECONDS).ran());
    }

    @Test
    void refreshNowIsDisabledWhileItRunsThenSaysWhatItFound(FxRobot robot) throws Exception {
        watchedKeys();
        openPage();
        waitUntil("uncollected cards show", () -> cardNames(robot).size() == 3);
        assertTrue(text(robot).contains("Not collected yet; press Refresh now."));

        jobs.hold();
        robot.clickOn("#dashboard-refresh");
        waitUntil("the run is under way", () -> jobs.isRunning() && refreshButton(robot).isDisabled());
        assertEquals(RefreshSentence.RUNNING, status(robot));
        jobs.release();

        waitUntil("the outcome is told", () -> "Refreshed 3 keys; 2 need attention.".equals(status(robot)));
        assertFalse(onFx(() -> refreshButton(robot).isDisabled()));
        assertEquals(List.of("cf-token", "pc-stale", "pc-main"), cardNames(robot), "problems first, then by name");
        String shown = text(robot);
        assertTrue(shown.contains("Invalid"), shown);
        assertTrue(shown.contains("Valid"), shown);
        assertTrue(shown.contains("Service operational"), shown);
        assertTrue(shown.contains("48.2% used · 48,210 of 100,000 requests"), shown);
        assertTrue(shown.contains("42.17 USD this billing period"), shown);
        assertTrue(shown.contains("Key stored today"), shown);
        assertTrue(shown.contains("Collection failed"), shown);
        assertTrue(shown.contains("Collected "), shown);
        assertFalse(shown.contains("no-provider"), "a key without a provider gets no card");
    }

    @Test
    void filtersNarrowTheCardsByNameProviderAndHealth(FxRobot robot) throws Exception {
        watchedKeys();
        refreshedBeforehand();
        openPage();
        waitUntil("collected cards show", () -> cardNames(robot).size() == 3 && text(robot).contains("48.2% used"));

        robot.clickOn("#dashboard-search").write("MAIN");
        waitUntil("only pc-main matches", () -> cardNames(robot).equals(List.of("pc-main")));
        robot.interact(() -> robot.lookup("#dashboard-search").queryAs(TextInputControl.class).clear());

        robot.interact(() -> combo(robot, "#dashboard-provider").setValue("Cloudflare"));
        waitUntil("only Cloudflare's key", () -> cardNames(robot).equals(List.of("cf-token")));
        robot.interact(() -> combo(robot, "#dashboard-provider").setValue(CardList.ALL_PROVIDERS));

        robot.interact(() -> combo(robot, "#dashboard-health").setValue(HealthChoice.NEEDS_ATTENTION));
        waitUntil("only the problems", () -> cardNames(robot).equals(List.of("cf-token", "pc-stale")));
        robot.interact(() -> combo(robot, "#dashboard-health").setValue(HealthChoice.VALID));
        waitUntil("only the valid key", () -> cardNames(robot).equals(List.of("pc-main")));
        assertTrue(text(robot).contains("1 of 3 keys"));
    }

    @Test
    void theSelectedKeyChartsItsDailyHistoryForTheChosenRange(FxRobot robot) throws Exception {
        watchedKeys();
        refreshedBeforehand();
        openPage();
        waitUntil("collected cards show", () -> cardNames(robot).size() == 3);

        robot.interact(() -> cards(robot).getSelectionModel().select(
                cards(robot).getItems().stream().filter(c -> c.name().equals("pc-main")).findFirst().orElseThrow()));
        waitUntil("the month is plotted", () -> points(robot, "#dashboard-usage-chart", "Daily average") == 29);
        assertEquals(1, points(robot, "#dashboard-usage-chart", "Recent snapshots"), "the refresh's own snapshot");
        assertEquals(48.2, onFx(() -> series(robot, "#dashboard-usage-chart", "Recent snapshots").getData().get(0).getYValue())
                .doubleValue(), 1e-9);
        assertEquals(29, points(robot, "#dashboard-cost-chart", "Daily cost"));
        assertEquals(29, points(robot, "#dashboard-usage-chart", "Daily maximum"));
        assertTrue(text(robot).contains("pc-main (Practice Cloud"), "the detail area names the key and its provider");

        robot.interact(() -> combo(robot, "#dashboard-range").setValue(90));
        waitUntil("the quarter is plotted", () -> points(robot, "#dashboard-usage-chart", "Daily average") == 89);
        robot.interact(() -> combo(robot, "#dashboard-range").setValue(365));
        waitUntil("the year is plotted", () -> points(robot, "#dashboard-usage-chart", "Daily average") == 120);
        double firstDay = LocalDate.now(ZoneOffset.UTC).minusDays(120).toEpochDay();
        assertEquals(firstDay, onFx(() -> series(robot, "#dashboard-usage-chart", "Daily average").getData().get(0).getXValue())
                .doubleValue(), 1e-9);

        robot.interact(() -> cards(robot).getSelectionModel().select(0));
        waitUntil("the other key has no history yet", () -> points(robot, "#dashboard-usage-chart", "Daily average") == 0
                && text(robot).contains("No usage or cost figures for this key"));
    }

    @Test
    void aRunAlreadyUnderWayIsSaidSoAndItsEndRefreshesTheCards(FxRobot robot) throws Exception {
        watchedKeys();
        openPage();
        waitUntil("uncollected cards show", () -> cardNames(robot).size() == 3);

        jobs.hold();
        var elsewhere = jobs.runNow(JobName.DASHBOARD_REFRESH); // as the tray's Refresh now would
        robot.clickOn("#dashboard-refresh");
        waitUntil("the page says a run is under way", () -> RefreshSentence.ALREADY_RUNNING.equals(status(robot)));
        assertFalse(onFx(() -> refreshButton(robot).isDisabled()), "the page's own run ended at once");
        jobs.release();
        assertTrue(elsewhere.get(60, TimeUnit.SECONDS).ran());

        waitUntil("the cards show the finished run", () -> text(robot).contains("48.2% used")
                && status(robot).startsWith("The dashboard was refreshed in the background; 2 keys need attention."));
    }

    @Test
    void withoutAutomationDataThePageSaysWhatEnablingDoesAndEnablesIt(FxRobot robot) {
        plainProfile();
        openPage();
        waitUntil("the empty state shows", () -> text(robot).contains(EmptyState.AUTOMATION_OFF));
        assertTrue(onFx(() -> refreshButton(robot).isDisabled()), "nothing to refresh yet");
        assertFalse(session.automationEnabled(), "looking does not enable anything");

        robot.clickOn("#dashboard-enable");
        waitUntil("the no-keys state shows", () -> text(robot).contains(EmptyState.NO_KEYS));
        assertTrue(session.automationEnabled());
        assertTrue(onFx(() -> refreshButton(robot).isDisabled()));
    }

    @Test
    void noNodeEverShowsASecretValue(FxRobot robot) throws Exception {
        watchedKeys();
        refreshedBeforehand();
        openPage();
        waitUntil("collected cards show", () -> cardNames(robot).size() == 3 && text(robot).contains("48.2% used"));
        for (int i = 0; i < 3; i++) {
            int index = i;
            robot.interact(() -> cards(robot).getSelectionModel().select(index));
            waitUntil("the key's history is shown", () -> !text(robot).contains("Reading its history"));
            String shown = text(robot);
            assertFalse(shown.contains(CANARY), "the canary key's value is on screen");
            assertFalse(shown.contains("canary0value"), "part of the canary key's value is on screen");
            assertFalse(shown.contains(KeyLedger.DEFAULT_SEEDED_VALUE), "a key's value is on screen");
            assertFalse(shown.contains("cloudflare-token-value-0001"), "a key's value is on screen");
        }
    }

    @Test
    void disposingThePageStopsListeningForFinishedRuns(FxRobot robot) {
        plainProfile();
        openPage();
        assertEquals(1, jobs.listenerCount());
        onFx(() -> {
            page.dispose();
            return null;
        });
        assertEquals(0, jobs.listenerCount());
        page = null;
    }

    private static Button refreshButton(FxRobot robot) {
        return robot.lookup("#dashboard-refresh").queryAs(Button.class);
    }

    private static String status(FxRobot robot) {
        return onFx(() -> robot.lookup("#dashboard-status").queryLabeled().getText());
    }

    @SuppressWarnings("unchecked")
    private static ListView<KeyCard> cards(FxRobot robot) {
        return robot.lookup("#dashboard-cards").queryAs(ListView.class);
    }

    private static List<String> cardNames(FxRobot robot) {
        return onFx(() -> robot.lookup("#dashboard-cards").tryQuery().isEmpty() ? List.<String>of()
                : cards(robot).getItems().stream().map(KeyCard::name).toList());
    }

    @SuppressWarnings("unchecked")
    private static <T> ComboBox<T> combo(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ComboBox.class);
    }

    @SuppressWarnings("unchecked")
    private static XYChart.Series<Number, Number> series(FxRobot robot, String chartId, String name) {
        LineChart<Number, Number> chart = robot.lookup(chartId).queryAs(LineChart.class);
        return chart.getData().stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
    }

    private static int points(FxRobot robot, String chartId, String name) {
        return onFx(() -> series(robot, chartId, name).getData().size());
    }

    /** Every text any node of the window shows: labels, buttons, cells, fields, chart texts, tooltips. */
    private String text(FxRobot robot) {
        return onFx(() -> {
            StringBuilder out = new StringBuilder();
            collect(stage.getScene().getRoot(), out);
            return out.toString();
        });
    }

    private static void collect(javafx.scene.Node node, StringBuilder out) {
        if (node instanceof Labeled l) {
            out.append(l.getText()).append('\n');
            if (l.getTooltip() != null) {
                out.append(l.getTooltip().getText()).append('\n');
            }
        }
        if (node instanceof Text t) {
            out.append(t.getText()).append('\n');
        }
        if (node instanceof TextInputControl t) {
            out.append(t.getText()).append('\n');
        }
        if (node.getAccessibleText() != null) {
            out.append(node.getAccessibleText()).append('\n');
        }
        if (node instanceof Parent p) {
            for (javafx.scene.Node child : p.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }
}
