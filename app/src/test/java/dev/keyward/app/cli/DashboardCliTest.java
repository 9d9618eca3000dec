package dev.keyward.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyward.automation.practice.KeyLedger;
import dev.keyward.automation.practice.PracticeCloud;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keyward dashboard} and {@code keyward retention} against Practice Cloud on loopback. */
class DashboardCliTest {

    private static final String PASSWORD = "dashboard-password-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;
    private CliRunner cli;
    private PracticeCloud cloud;

    @BeforeEach
    void setUp() throws Exception {
        cloud = PracticeCloud.start(0);
        cli = new CliRunner(data).env("KEYWARD_NEW_PASSWORD", PASSWORD).env("KEYWARD_PASSWORD", PASSWORD);
        assertEquals(0, cli.run("profile", "create", "work").code());
    }

    @AfterEach
    void tearDown() {
        cloud.close();
    }

    @Test
    void practiceCloudIsRefreshedShownAndRetentionRunsWithoutPrintingAKey() throws Exception {
        assertEquals(0, cli.run("provider", "set", "practice-cloud", "--api-base-url", cloud.baseUrl()).code());
        assertEquals(0, cli.feed(KeyLedger.DEFAULT_SEEDED_VALUE, "secret", "add", "pc-main", "--value-stdin").code());

        CliRunner.Result refresh = cli.run("dashboard", "refresh");
        assertEquals(0, refresh.code(), refresh.err());
        assertTrue(refresh.out().matches("(?s)pc-main\\s+practice-cloud\\s+api\\s+success\\s+health valid\\s+service operational.*"),
                refresh.out());

        CliRunner.Result show = cli.run("dashboard", "show");
        assertEquals(0, show.code(), show.err());
        assertTrue(show.out().contains("pc-main (practice-cloud)"), show.out());
        assertTrue(show.out().contains("usage 48.2% · 48,210 requests of 100,000 · cost 42.17 USD"), show.out());

        JsonNode cards = JSON.readTree(cli.run("dashboard", "show", "--json").out());
        assertEquals(1, cards.size());
        assertEquals("valid", cards.get(0).get("health").asText());
        assertEquals("api", cards.get(0).get("method").asText());

        CliRunner.Result one = cli.run("dashboard", "refresh", "--secret", "pc-main");
        assertEquals(0, one.code(), one.err());
        assertEquals(4, cli.run("dashboard", "refresh", "--secret", "missing").code());

        CliRunner.Result selectors = cli.run("dashboard", "selector", "list", "practice-cloud");
        assertTrue(selectors.out().contains("usage_requests") && selectors.out().contains("v1"), selectors.out());
        assertEquals(0, cli.run("dashboard", "selector", "add", "practice-cloud", "usage_requests", "#metric-requests-mtd").code());
        assertEquals(2, cli.run("dashboard", "selector", "add", "practice-cloud", "Bad Type", "#x").code());

        CliRunner.Result dry = cli.run("retention", "run", "--dry-run");
        assertEquals(0, dry.code(), dry.err());
        assertTrue(dry.out().startsWith("Dry run: nothing was changed."), dry.out());
        for (String rule : List.of("dashboard_snapshots", "dashboard_daily_summaries", "discovery_findings",
                "discovery_search_log", "automation_executions", "hitl_checkpoints", "debug_screenshots")) {
            assertTrue(dry.out().contains(rule), rule + " missing from " + dry.out());
        }
        assertEquals(0, cli.run("retention", "run").code());
        JsonNode report = JSON.readTree(cli.run("retention", "run", "--dry-run", "--json").out());
        assertTrue(report.get("dryRun").asBoolean());

        assertEquals(0, cli.run("settings", "set", "summary_retention_days", "120").code());
        assertEquals(2, cli.run("settings", "set", "snapshots_kept_per_secret", "0").code());
        assertTrue(cli.run("settings", "list").out().contains("debug_screenshot_retention_days"));

        assertFalse(cli.transcript().contains(KeyLedger.DEFAULT_SEEDED_VALUE), "a key value was printed");
    }
}
