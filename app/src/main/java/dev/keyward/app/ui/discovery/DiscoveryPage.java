package dev.keyward.app.ui.discovery;

import dev.keyward.app.ui.Page;
import dev.keyward.app.ui.PageContext;
import dev.keyward.app.ui.UserMessages;
import dev.keyward.automation.discovery.service.DiscoveryService;
import dev.keyward.automation.discovery.FindingCursor;
import dev.keyward.automation.discovery.FindingPage;
import dev.keyward.automation.discovery.FindingQuery;
import dev.keyward.automation.discovery.FindingStatus;
import dev.keyward.automation.discovery.StoredFinding;
import dev.keyward.vault.jobs.JobName;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Discovery inbox: provider changes found on status pages, changelogs and web search, most urgent
 * and newest first, filtered and paged; a finding's detail with its source; review, dismiss and
 * actioned-with-notes; and Check now, which runs discovery through the session's jobs.
 */
public final class DiscoveryPage implements Page {

    static final int PAGE_SIZE = 50;

    private final PageContext ctx;
    private final SourceOpener opener;
    private final int pageSize;
    private final DiscoveryService service;
    private final InboxFilterBar filters = new InboxFilterBar(f -> reload());
    private final InboxTable table = new InboxTable();
    private final FindingDetail detail;
    private final CheckNowControl checkNow;
    private final Label placeholder = new Label();
    private final Button more = new Button("Load more");
    private final Label count = new Label();
    private final VBox page;
    private final ScrollPane view;
    private final AutoCloseable finishedListener;
    private Optional<FindingCursor> next = Optional.empty();
    private int generation;

    public DiscoveryPage(PageContext ctx) {
        this(ctx, SourceOpener.systemBrowser());
    }

    /** A page that opens source addresses with {@code opener} (the system browser, or a test's recorder). */
    public DiscoveryPage(PageContext ctx, SourceOpener opener) {
        this(ctx, opener, PAGE_SIZE);
    }

    DiscoveryPage(PageContext ctx, SourceOpener opener, int pageSize) {
        this.ctx = ctx;
        this.opener = opener;
        this.pageSize = pageSize;
        this.service = ctx.services().discovery();
        this.detail = new FindingDetail(this::mark, this::openSource);
        this.checkNow = new CheckNowControl(ctx);
        placeholder.setId("discovery-empty");
        placeholder.setWrapText(true);
        placeholder.setMaxWidth(520);
        placeholder.setText("Loading findings\u2026");
        // Typed, not pressed: when A moves the focus to the notes, its own character must not land there.
        table.view().addEventHandler(KeyEvent.KEY_TYPED, e -> {
            boolean plain = !e.isShortcutDown() && !e.isAltDown();
            if (plain && onKey(e.getCharacter().toLowerCase(java.util.Locale.ROOT))) {
                e.consume();
            }
        });
        table.view().setPlaceholder(placeholder);
        table.view().getSelectionModel().selectedItemProperty().addListener((o, a, b) -> detail.show(b));
        more.setId("discovery-more");
        more.setMinWidth(Region.USE_PREF_SIZE);
        more.setDisable(true);
        more.setOnAction(e -> loadPage(false));
        count.setId("discovery-count");
        count.setWrapText(true);
        count.setMinHeight(Region.USE_PREF_SIZE);
        HBox moreRow = new HBox(8, more, count);
        moreRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox list = new VBox(8, table.view(), moreRow);
        VBox.setVgrow(table.view(), Priority.ALWAYS);
        table.view().setMinHeight(170);
        list.setMinWidth(260);
        Region detailView = (Region) detail.view();
        detailView.setMinWidth(220);
        SplitPane split = new SplitPane(list, detailView);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.58);
        VBox.setVgrow(split, Priority.ALWAYS);
        FlowPane top = filters.view();
        top.getChildren().add(checkNow.button());
        page = new VBox(10, checkNow.banner(), top, checkNow.status(), split);
        page.setPadding(new Insets(16));
        page.setId("discovery-page");
        split.setMinHeight(260);
        // At the window's minimum size banner, filters and inbox do not all fit: the page scrolls instead of cutting.
        view = new ScrollPane(page);
        view.setFitToWidth(true);
        view.setFitToHeight(true);
        view.getStyleClass().add("edge-to-edge");
        page.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F5) {
                checkNow.check();
                e.consume();
            }
        });
        finishedListener = ctx.jobs().onFinished(JobName.DISCOVERY, result -> reload());
        reload();
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void focusSearch() {
        filters.focus();
    }

    @Override
    public void dispose() {
        generation++;
        checkNow.dispose();
        try {
            finishedListener.close();
        } catch (Exception e) {
            // Removing a listener has nothing to report; the page is going away either way.
        }
        // The service is the session's; it closes with the session, not with the page.
    }

    /** The first page of findings again under the chosen filters (also when the vault changed elsewhere). */
    @Override
    public void reload() {
        generation++;
        next = Optional.empty();
        loadPage(true);
    }

    private void loadPage(boolean first) {
        int gen = generation;
        InboxFilter filter = filters.filter();
        FindingQuery query = filter.firstPage(pageSize);
        if (!first) {
            if (next.isEmpty()) {
                return;
            }
            query = query.after(next.get());
        }
        FindingQuery asked = query;
        more.setDisable(true);
        ctx.work().run(() -> load(asked, filter, first), loaded -> {
            if (gen == generation) {
                show(loaded, first);
            }
        }, error -> {
            if (gen == generation) {
                more.setDisable(next.isEmpty());
                count.setText(UserMessages.describe(error));
            }
        });
    }

    // Background thread: the page, and for a first page what the empty state and the provider filter need.
    private InboxLoad load(FindingQuery query, InboxFilter filter, boolean first) {
        FindingPage page = service.inbox(query);
        if (!first) {
            return new InboxLoad(page, null, true, List.of());
        }
        boolean networkOn = ctx.session().settings().current().discoveryNetworkEnabled();
        boolean anyFinding = !page.findings().isEmpty()
                || (!filter.showsEverything() && !service.inbox(FindingQuery.all().withLimit(1)).findings().isEmpty());
        List<InboxFilterBar.Choice<String>> providers = ctx.session().providers().list().stream()
                .sorted(Comparator.comparing(p -> p.name().toLowerCase(java.util.Locale.ROOT)))
                .map(p -> new InboxFilterBar.Choice<>(p.name(), p.slug()))
                .toList();
        return new InboxLoad(page, networkOn, anyFinding, providers);
    }

    private void show(InboxLoad loaded, boolean first) {
        if (first) {
            String selected = detail.shown() == null ? null : detail.shown().id();
            table.view().getItems().setAll(loaded.page().findings());
            checkNow.showNetwork(loaded.networkOn());
            placeholder.setText(InboxEmptyState.describe(filters.filter(), loaded.anyFinding(), loaded.networkOn()));
            filters.setProviders(loaded.providers());
            reselect(selected);
        } else {
            table.view().getItems().addAll(loaded.page().findings());
        }
        next = loaded.page().next();
        more.setDisable(next.isEmpty());
        int shown = table.view().getItems().size();
        count.setText(shown == 0 ? "" : shown + (shown == 1 ? " finding" : " findings") + " shown"
                + (next.isEmpty() ? "; that is all." : "; more with Load more."));
    }

    private void reselect(String id) {
        List<StoredFinding> items = table.view().getItems();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id().equals(id)) {
                table.view().getSelectionModel().select(i);
                return;
            }
        }
        table.view().getSelectionModel().clearSelection();
        detail.show(null);
    }

    private void mark(FindingStatus status, String notes) {
        StoredFinding finding = detail.shown();
        if (finding == null) {
            return;
        }
        detail.setBusy(true);
        ctx.work().run(() -> service.mark(finding.id(), status, notes), updated -> {
            detail.setBusy(false);
            table.replace(updated);
            // The user may have chosen another finding while the write ran: the detail stays on that one.
            StoredFinding shown = detail.shown();
            if (shown != null && shown.id().equals(updated.id())) {
                detail.show(updated);
                detail.say("Marked " + updated.userStatus().dbValue() + ".");
            }
        }, error -> {
            detail.setBusy(false);
            detail.say(UserMessages.describe(error));
        });
    }

    private void openSource(String raw) {
        switch (SourceAddress.of(raw)) {
            case SourceAddress.Web web -> ctx.work().run(() -> {
                opener.open(web.uri());
                return web.uri();
            }, opened -> detail.say("Opened the source in your browser."),
                    error -> detail.say("Keyward could not open a browser here; copy the address above instead."));
            case SourceAddress.Refused refused -> detail.say(refused.reason());
        }
    }

    // Single keys on the inbox list: r reviewed, d dismiss, n new, a notes (then Ctrl+Enter: actioned), o open source.
    private boolean onKey(String key) {
        if (detail.shown() == null) {
            return false;
        }
        switch (key) {
            case "r" -> mark(FindingStatus.REVIEWED, null);
            case "d" -> mark(FindingStatus.DISMISSED, null);
            case "n" -> mark(FindingStatus.NEW, null);
            case "a" -> detail.focusNotes();
            case "o" -> openSource(detail.shown().sourceUrl());
            default -> {
                return false;
            }
        }
        return true;
    }

    /** A loaded inbox page; for a first page also the network switch, whether any finding exists, the providers. */
    private record InboxLoad(FindingPage page, Boolean networkOn, boolean anyFinding,
                             List<InboxFilterBar.Choice<String>> providers) {
    }
}
