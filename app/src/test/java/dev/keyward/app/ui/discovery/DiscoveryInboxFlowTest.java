package dev.keyward.app.ui.discovery;

import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static dev.keyward.app.ui.DesktopTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.ui.DesktopTestKit;
import dev.keyward.automation.discovery.classify.Urgency;
import dev.keyward.automation.discovery.service.DiscoveryService;
import dev.keyward.automation.discovery.FindingStatus;
import dev.keyward.automation.discovery.StoredFinding;
import java.net.URI;
import java.util.List;
import java.util.Set;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The inbox: order and paging, filters, status marking, untrusted text and source addresses. */
class DiscoveryInboxFlowTest extends DiscoveryPageTestBase {

    @Start
    void start(Stage stage) {
        keep(stage);
    }

    @Test
    void inboxPagesThroughAllOpenFindingsMostUrgentAndNewestFirst(FxRobot robot) {
        profile(true);
        runDiscovery();
        List<StoredFinding> expected = stored(InboxFilter.OPEN);
        assertTrue(expected.size() > 8, "the fixtures give more than two pages: " + expected.size());

        openPage(4);
        waitUntil("the first page shows", () -> table(robot).getItems().size() == 4);
        assertEquals(Urgency.CRITICAL, rows(robot).get(0).urgency(), "the security advisory for a held key leads");
        while (!robot.lookup("#discovery-more").queryAs(Button.class).isDisabled()) {
            int before = rows(robot).size();
            robot.clickOn("#discovery-more");
            waitUntil("the next page is appended", () -> table(robot).getItems().size() > before);
        }

        List<StoredFinding> shown = rows(robot);
        assertEquals(expected.stream().map(StoredFinding::id).toList(), shown.stream().map(StoredFinding::id).toList(),
                "the page shows the service's order, each finding once");
        for (int i = 1; i < shown.size(); i++) {
            StoredFinding a = shown.get(i - 1);
            StoredFinding b = shown.get(i);
            assertTrue(rank(a) > rank(b) || (rank(a) == rank(b) && !a.discoveredAt().isBefore(b.discoveredAt())),
                    "most urgent, then newest first at row " + i);
        }
        assertTrue(shown.stream().map(StoredFinding::providerSlug).distinct().count() == 2, "RSS, Atom and status page");
        assertTrue(text(robot, "#discovery-count").contains("that is all"));
        String visible = DesktopTestKit.allVisibleText();
        assertTrue(visible.contains("Critical") && visible.contains("Action needed"), "urgency is a word, not a colour");
        assertTrue(visible.contains("security advisory"), "the category is shown");
    }

    @Test
    void filtersNarrowByUrgencyStatusAndProvider(FxRobot robot) {
        profile(true);
        runDiscovery();
        StoredFinding dismissed = stored(Set.of()).stream().filter(f -> f.urgency() == Urgency.INFORMATIONAL)
                .findFirst().orElseThrow();
        try (DiscoveryService service = new DiscoveryService(session)) {
            service.mark(dismissed.id(), FindingStatus.DISMISSED, null);
        }
        int open = stored(InboxFilter.OPEN).size();
        openPage(50);
        waitUntil("the open findings show", () -> table(robot).getItems().size() == open);
        assertTrue(rows(robot).stream().noneMatch(f -> f.id().equals(dismissed.id())), "dismissed is not open");

        choose(robot, "#discovery-filter-urgency", "Critical");
        waitUntil("only critical findings show", () -> !table(robot).getItems().isEmpty()
                && table(robot).getItems().stream().allMatch(f -> f.urgency() == Urgency.CRITICAL));
        choose(robot, "#discovery-filter-urgency", "All urgencies");
        choose(robot, "#discovery-filter-provider", "Anthropic");
        waitUntil("only Anthropic's findings show", () -> table(robot).getItems().size() == 2
                && table(robot).getItems().stream().allMatch(f -> f.providerSlug().equals("anthropic")));
        choose(robot, "#discovery-filter-provider", "All providers");
        choose(robot, "#discovery-filter-status", "Dismissed");
        waitUntil("only the dismissed finding shows", () -> table(robot).getItems().size() == 1
                && table(robot).getItems().get(0).id().equals(dismissed.id()));
        choose(robot, "#discovery-filter-urgency", "Critical");
        waitUntil("the empty state says what to do", () -> table(robot).getItems().isEmpty()
                && text(robot, "#discovery-empty").startsWith("No findings match these filters."));
    }

    @Test
    void statusChangesAreWrittenAtOnceAndPersist(FxRobot robot) {
        profile(true);
        runDiscovery();
        openPage(50);
        waitUntil("findings show", () -> table(robot).getItems().size() > 3);
        List<StoredFinding> before = rows(robot);

        select(robot, before.get(0).id());
        robot.clickOn("#discovery-mark-reviewed");
        waitUntil("the row says reviewed", () -> table(robot).getItems().get(0).userStatus() == FindingStatus.REVIEWED);
        StoredFinding reviewed = reread(before.get(0).id());
        assertEquals(FindingStatus.REVIEWED, reviewed.userStatus());
        assertNotNull(reviewed.reviewedAt(), "the service sets reviewed_at");

        select(robot, before.get(1).id());
        robot.type(KeyCode.D);
        waitUntil("the row says dismissed", () -> table(robot).getItems().get(1).userStatus() == FindingStatus.DISMISSED);
        assertEquals(FindingStatus.DISMISSED, reread(before.get(1).id()).userStatus());

        select(robot, before.get(2).id());
        robot.type(KeyCode.A);
        waitUntil("the notes field has the focus", () -> robot.lookup("#discovery-notes").queryAs(TextArea.class).isFocused());
        robot.write("Rotated the key and moved to the new endpoint.");
        robot.press(KeyCode.CONTROL).press(KeyCode.ENTER).release(KeyCode.ENTER).release(KeyCode.CONTROL);
        waitUntil("the row says actioned", () -> table(robot).getItems().get(2).userStatus() == FindingStatus.ACTIONED);
        StoredFinding actioned = reread(before.get(2).id());
        assertEquals(FindingStatus.ACTIONED, actioned.userStatus());
        assertEquals("Rotated the key and moved to the new endpoint.", actioned.userNotes());
        assertTrue(text(robot, "#discovery-detail-meta").contains("actioned"));
        assertEquals(before.size(), rows(robot).size(), "rows stay until the next reload");
    }

    @Test
    void hostileTextIsShownLiterallyAndStartsNothing(FxRobot robot) {
        profile(true);
        runDiscovery();
        String rawTitle = "<script>alert('title')</script><b>Read me</b>";
        String rawSnippet = "<script>fetch('" + feeds.base() + "/steal')</script> " + ProviderFeeds.PROMPT_INJECTION
                + " <img src=x onerror=alert(1)>";
        String hostileId = insert(rawTitle, rawSnippet, "https://evil.example/<script>");
        int hitsAfterRun = feeds.hits();
        openPage(50);
        waitUntil("findings show", () -> !table(robot).getItems().isEmpty());

        StoredFinding fromFeed = rows(robot).stream().filter(f -> f.sourceTitle().equals("Changelog note for developers"))
                .findFirst().orElseThrow();
        assertTrue(fromFeed.sourceSnippet().contains(ProviderFeeds.PROMPT_INJECTION), fromFeed.sourceSnippet());
        select(robot, fromFeed.id());
        assertEquals(fromFeed.sourceSnippet(), text(robot, "#discovery-detail-snippet"));

        select(robot, hostileId);
        assertEquals(rawTitle, text(robot, "#discovery-detail-title"), "markup is shown as the characters it is");
        assertEquals(rawSnippet, text(robot, "#discovery-detail-snippet"));
        assertEquals(rawTitle, rows(robot).stream().filter(f -> f.id().equals(hostileId)).findFirst().orElseThrow()
                .sourceTitle());
        assertFalse(containsWebView(onFx(() -> stage.getScene().getRoot())), "no node renders markup");
        assertTrue(opened.isEmpty(), "nothing was opened");
        assertEquals(0, jobs.asked(), "no run was started");
        assertEquals(hitsAfterRun, feeds.hits(), "nothing in a snippet was requested");
        assertTrue(stored(Set.of()).stream().noneMatch(f -> f.userStatus() != FindingStatus.NEW),
                "the injected sentence changed no finding");
    }

    @Test
    void onlyWebAddressesAreOpenedInTheBrowser(FxRobot robot) {
        profile(true);
        runDiscovery();
        String script = insert("Script link", "A link that runs code.", "javascript:alert(document.cookie)");
        String file = insert("File link", "A link to a local file.", "file:///etc/passwd");
        openPage(50);
        waitUntil("findings show", () -> !table(robot).getItems().isEmpty());

        for (String id : List.of(script, file)) {
            select(robot, id);
            robot.clickOn("#discovery-open-source");
            waitUntil("the refusal is explained", () -> text(robot, "#discovery-detail-message")
                    .startsWith("Keyward opens only web addresses (http or https)"));
        }
        assertTrue(opened.isEmpty(), "a non-web address never reaches the browser");

        StoredFinding web = rows(robot).stream().filter(f -> f.sourceUrl().startsWith("https://platform.openai.example"))
                .findFirst().orElseThrow();
        select(robot, web.id());
        robot.clickOn("#discovery-open-source");
        waitUntil("the browser was asked", () -> opened.size() == 1);
        assertEquals(URI.create(web.sourceUrl()), opened.get(0));
        robot.clickOn("#discovery-table").type(KeyCode.O);
        waitUntil("O opens it too", () -> opened.size() == 2);
    }
}
