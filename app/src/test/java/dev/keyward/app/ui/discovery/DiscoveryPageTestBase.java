package dev.keyward.app.ui.discovery;

import dev.keyward.app.session.SessionServices;
import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static dev.keyward.app.ui.DesktopTestKit.waitUntil;

import dev.keyward.app.ui.BackgroundWork;
import dev.keyward.app.ui.DesktopTest;
import dev.keyward.app.ui.DesktopTestKit;
import dev.keyward.app.ui.PageContext;
import dev.keyward.automation.discovery.Finding;
import dev.keyward.automation.discovery.Trigger;
import dev.keyward.automation.discovery.classify.FindingCategory;
import dev.keyward.automation.discovery.classify.Urgency;
import dev.keyward.automation.discovery.service.DiscoveryService;
import dev.keyward.automation.feeds.SourceKind;
import dev.keyward.automation.discovery.FindingQuery;
import dev.keyward.automation.discovery.store.FindingRepository;
import dev.keyward.automation.discovery.FindingStatus;
import dev.keyward.automation.discovery.StoredFinding;
import dev.keyward.vault.provider.ProviderInfo;
import dev.keyward.vault.provider.ProviderUpdate;
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
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Shared set-up of the Discovery page flow tests: a real profile whose findings a real DiscoveryService run
 * fetched from loopback status pages and feeds, and the page on it with a small real SessionJobs and a
 * source opener that records addresses instead of starting a browser.
 */
@DesktopTest
abstract class DiscoveryPageTestBase {

    @TempDir
    Path dataDir;
    /** The session's services the page works with (made with the page, closed before the session). */
    SessionServices services;
    Stage stage;
    final ProviderFeeds feeds = new ProviderFeeds();
    final List<URI> opened = new CopyOnWriteArrayList<>();
    final BackgroundWork work = new BackgroundWork();
    VaultSession session;
    DiscoveryTestJobs jobs;
    DiscoveryPage page;

    /** Each test class calls this from its own {@code @Start} method (TestFX looks only at the declared ones). */
    void keep(Stage stage) {
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
        if (services != null) {
            services.close();
        }
        if (session != null) {
            session.close();
        }
        feeds.close();
    }

    /** A profile with a key for OpenAI, discovery watching only OpenAI (status page, RSS) and Anthropic (Atom). */
    void profile(boolean networkOn) {
        session = DesktopTestKit.openNewProfile(dataDir, "work");
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

    void runDiscovery() {
        try (DiscoveryService service = new DiscoveryService(session)) {
            service.run(Trigger.ON_DEMAND);
        }
    }

    void openPage(int pageSize) {
        onFx(() -> {
            PageContext ctx = DesktopTestKit.pageContext(session, work, stage, new DesktopTestKit.QueuedFiles(), jobs,
                    services != null ? services : (services = SessionServices.open(session, dataDir)));
            page = new DiscoveryPage(ctx, opened::add, pageSize);
            stage.setScene(new Scene((Parent) page.view(), 1280, 800));
            stage.show();
            return null;
        });
    }

    List<StoredFinding> stored(Set<FindingStatus> statuses) {
        try (DiscoveryService service = new DiscoveryService(session)) {
            return service.inbox(new FindingQuery(statuses, Set.of(), null, null, 500)).findings();
        }
    }

    StoredFinding reread(String id) {
        try (DiscoveryService service = new DiscoveryService(session)) {
            return service.finding(id);
        }
    }

    @SuppressWarnings("unchecked")
    static TableView<StoredFinding> table(FxRobot robot) {
        return robot.lookup("#discovery-table").queryAs(TableView.class);
    }

    static List<StoredFinding> rows(FxRobot robot) {
        return onFx(() -> List.copyOf(table(robot).getItems()));
    }

    static String text(FxRobot robot, String id) {
        return onFx(() -> {
            Node n = robot.lookup(id).query();
            return n instanceof Label l ? l.getText() : ((javafx.scene.control.TextInputControl) n).getText();
        });
    }

    static void select(FxRobot robot, String findingId) {
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
    static void choose(FxRobot robot, String comboId, String label) {
        robot.interact(() -> {
            ComboBox<InboxFilterBar.Choice<?>> box = robot.lookup(comboId).queryAs(ComboBox.class);
            box.setValue(box.getItems().stream().filter(c -> c.label().equals(label)).findFirst().orElseThrow());
        });
    }

    static int rank(StoredFinding f) {
        return f.urgency().ordinal();
    }

    // A row the engine itself would never write (it drops non-web links and strips markup): the page must still
    // show it as plain text and refuse to open it.
    String insert(String title, String snippet, String url) {
        String providerId = session.providers().get("openai").id();
        Instant now = Instant.now();
        Finding f = new Finding(providerId, now, url, title, snippet, SourceKind.CHANGELOG_FEED, null,
                FindingCategory.CAPABILITY_CHANGE, Urgency.INFORMATIONAL, 0.4, "You hold 1 key for OpenAI.",
                "<b>Impact</b> written by a hostile page.", "Click <a href='javascript:x'>here</a>.");
        return session.database().write(c -> new FindingRepository(session.profileId(), session.redactor()::redact)
                .insert(c, f, now));
    }

    static boolean containsWebView(Node node) {
        if (node.getClass().getName().contains("WebView") || node.getClass().getName().contains("HTMLEditor")) {
            return true;
        }
        return node instanceof Parent p && p.getChildrenUnmodifiable().stream()
                .anyMatch(DiscoveryPageTestBase::containsWebView);
    }
}
