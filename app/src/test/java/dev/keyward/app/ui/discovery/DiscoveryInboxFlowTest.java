package dev.keyward.app.ui.discovery;

import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static dev.keyward.app.ui.DesktopTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.ui.BackgroundWork;
import dev.keyward.app.ui.ClipboardGuard;
import dev.keyward.app.ui.DesktopTestKit;
import dev.keyward.app.ui.LongWork;
import dev.keyward.app.ui.PageContext;
import dev.keyward.app.ui.ProgressOverlay;
import dev.keyward.app.ui.projects.DotenvReader;
import dev.keyward.automation.discovery.Finding;
import dev.keyward.automation.discovery.Trigger;
import dev.keyward.automation.discovery.classify.FindingCategory;
import dev.keyward.automation.discovery.classify.Urgency;
import dev.keyward.automation.discovery.service.DiscoveryService;
import dev.keyward.automation.discovery.source.SourceKind;
import dev.keyward.automation.discovery.store.FindingQuery;
import dev.keyward.automation.discovery.store.FindingRepository;
import dev.keyward.automation.discovery.store.FindingStatus;
import dev.keyward.automation.discovery.store.StoredFinding;
import dev.keyward.vault.jobs.JobName;
import dev.keyward.vault.jobs.JobRuns;
import dev.keyward.vault.provider.ProviderInfo;
import dev.keyward.vault.provider.ProviderUpdate;
import dev.keyward.vault.session.ProfileService;
import dev.keyward.vault.session.VaultSession;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Discovery inbox on a real profile whose findings a real DiscoveryService run fetched from loopback
 * status pages and feeds; the page runs discovery through a small real SessionJobs.
 */
@ExtendWith(ApplicationExtension.class)
class DiscoveryInboxFlowTest {

    @TempDir
    Path dataDir;
    private Stage stage;
    private final ProviderFeeds feeds = new ProviderFeeds();
    private final List<URI> opened = new CopyOnWriteArrayList<>();
    private final BackgroundWork work = new BackgroundWork();
    private VaultSession session;
    private DiscoveryTestJobs jobs;
    private DiscoveryPage page;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void tearDown() {
        onFx(() -> {
            if (page != null) {
                page.dispose();
            }
            stage.hide();
            return null;
        });
        work.close();
        if (jobs != null) {
            jobs.close();
        }
        if (session != null) {
            session.close();
        }
        feeds.close();
    }

    /** A profile with a key for OpenAI, discovery watching only OpenAI (status page, RSS) and Anthropic (Atom). */
    private void profile(boolean networkOn) {
        ProfileService profiles = DesktopTestKit.profiles(dataDir);
        session = DesktopTestKit.open(profiles, DesktopTestKit.createProfile(profiles, "work"));
        session.enableAutomation();
        session.secrets().add("openai-prod", "sk-test-inbox-0123456789".toCharArray(), "openai");
        for (ProviderInfo p : session.providers().list()) {
            boolean watched = p.slug().equals("openai") || p.slug().equals("anthropic");
            session.providers().update(p.slug(), new ProviderUpdate(null, null, watched ? null : "",
                    watched ? null : "", watched, null));
        }
        session.providers().update("openai", new ProviderUpdate(null, null, feeds.statusPage(), feeds.rssFeed(),
                null, null));
        session.providers().update("anthropic", new ProviderUpdate(null, null, "", feeds.atomFeed(), null, null));
        session.settings().set("discovery_network_enabled", Boolean.toString(networkOn));
        jobs = new DiscoveryTestJobs(session);
    }

    private void runDiscovery() {
        try (DiscoveryService service = new DiscoveryService(session)) {
            service.run(Trigger.ON_DEMAND);
        }
    }

    private void openPage(int pageSize) {
        onFx(() -> {
            ProgressOverlay overlay = new ProgressOverlay();
            PageContext ctx = new PageContext(session, work, new LongWork(work, overlay), stage,
                    new ClipboardGuard(Clipboard.getSystemClipboard()), new DesktopTestKit.QueuedFiles(),
                    DotenvReader.simple(), n -> { }, session.settings()::current, s -> { }, jobs);
            page = new DiscoveryPage(ctx, opened::add, pageSize);
            stage.setScene(new Scene((Parent) page.view(), 1280, 800));
            stage.show();
            return null;
        });
    }

    private List<StoredFinding> stored(Set<FindingStatus> statuses) {
        try (DiscoveryService service = new DiscoveryService(session)) {
            return service.inbox(new FindingQuery(statuses, Set.of(), null, null, 500)).findings();
        }
    }

    private StoredFinding reread(String id) {
        try (DiscoveryService service = new DiscoveryService(session)) {
            return service.finding(id);
        }
    }

    @SuppressWarnings("unchecked")
    private static TableView<StoredFinding> table(FxRobot robot) {
        return robot.lookup("#discovery-table").queryAs(TableView.class);
    }

    private static List<StoredFinding> rows(FxRobot robot) {
        return onFx(() -> List.copyOf(table(robot).getItems()));
    }

    private static String text(FxRobot robot, String id) {
        return onFx(() -> {
            Node n = robot.lookup(id).query();
            return n instanceof Label l ? l.getText() : ((javafx.scene.control.TextInputControl) n).getText();
        });
    }

    private static void select(FxRobot robot, String findingId) {
        robot.interact(() -> {
            TableView<StoredFinding> t = table(robot);
            for (int i = 0; i < t.getItems().size(); i++) {
                if (t.getItems().get(i).id().equals(findingId)) {
                    t.getSelectionModel().select(i);
                    t.requestFocus();
                }
            }
        });
        waitUntil("the detail shows the finding", () -> robot.lookup("#discovery-detail-title").tryQuery().isPresent()
                && robot.lookup("#discovery-detail-title").queryAs(Label.class).getScene() != null);
    }

    @SuppressWarnings("unchecked")
    private static void choose(FxRobot robot, String comboId, String label) {
        robot.interact(() -> {
            ComboBox<InboxFilterBar.Choice<?>> box = robot.lookup(comboId).queryAs(ComboBox.class);
            box.setValue(box.getItems().stream().filter(c -> c.label().equals(label)).findFirst().orElseThrow());
        });
    }

    private static int rank(StoredFinding f) {
        return f.urgency().ordinal();
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

    @Test
    void checkNowWithNetworkOffSaysSoAndSendsNothing(FxRobot robot) {
        profile(false);
        openPage(50);
        waitUntil("the empty state explains the switch", () -> text(robot, "#discovery-empty")
                .contains("network access is off"));
        assertTrue(onFx(() -> robot.lookup("#discovery-network-off").query().isVisible()), "the banner shows");
        assertTrue(robot.lookup("#discovery-open-settings").tryQuery().isPresent(), "a way to Settings");

        robot.clickOn("#discovery-check-now");
        waitUntil("the page says network access is off", () -> text(robot, "#discovery-run-status")
                .equals(CheckNowControl.NETWORK_OFF));
        assertEquals(0, jobs.asked(), "no run was asked for");
        assertEquals(0, feeds.hits(), "zero requests");
    }

    @Test
    void checkNowRunsDiscoveryAndReloadsTheInbox(FxRobot robot) {
        profile(true);
        openPage(50);
        waitUntil("the empty state says to check", () -> text(robot, "#discovery-empty")
                .startsWith("No findings yet. Press Check now"));
        assertEquals(1, jobs.listening());

        robot.clickOn("#discovery-check-now");
        waitUntil("the run's findings show", () -> table(robot).getItems().size() == stored(InboxFilter.OPEN).size()
                && !table(robot).getItems().isEmpty());
        waitUntil("the run is reported", () -> text(robot, "#discovery-run-status")
                .startsWith("Discovery checked your providers"));
        assertEquals(1, jobs.asked());
        assertTrue(feeds.hits() > 0);

        onFx(() -> {
            page.dispose();
            return null;
        });
        assertEquals(0, jobs.listening(), "a disposed page stops listening");
        page = null;
    }

    @Test
    void checkNowSaysWhenARunIsAlreadyUnderWay(FxRobot robot) {
        profile(true);
        openPage(50);
        waitUntil("the page is loaded", () -> text(robot, "#discovery-empty").startsWith("No findings yet."));
        try (JobRuns.Run running = session.jobs().begin(JobName.DISCOVERY, "scheduled").orElseThrow()) {
            robot.clickOn("#discovery-check-now");
            waitUntil("the page says a run is under way", () -> text(robot, "#discovery-run-status")
                    .startsWith("A discovery run is already under way"));
            assertEquals(0, feeds.hits(), "the second run sent nothing");
        }
    }

    // A row the engine itself would never write (it drops non-web links and strips markup): the page must still
    // show it as plain text and refuse to open it.
    private String insert(String title, String snippet, String url) {
        String providerId = session.providers().get("openai").id();
        Instant now = Instant.now();
        Finding f = new Finding(providerId, now, url, title, snippet, SourceKind.CHANGELOG_FEED, null,
                FindingCategory.CAPABILITY_CHANGE, Urgency.INFORMATIONAL, 0.4, "You hold 1 key for OpenAI.",
                "<b>Impact</b> written by a hostile page.", "Click <a href='javascript:x'>here</a>.");
        return session.database().write(c -> new FindingRepository(session.profileId(), session.redactor()::redact)
                .insert(c, f, now));
    }

    private static boolean containsWebView(Node node) {
        if (node.getClass().getName().contains("WebView") || node.getClass().getName().contains("HTMLEditor")) {
            return true;
        }
        return node instanceof Parent p && p.getChildrenUnmodifiable().stream()
                .anyMatch(DiscoveryInboxFlowTest::containsWebView);
    }
}
