package dev.keyward.app.ui.dashboard;

import dev.keyward.app.ui.Page;
import dev.keyward.app.ui.PageContext;
import dev.keyward.app.ui.UserMessages;
import dev.keyward.automation.dashboard.service.DashboardService;
import dev.keyward.automation.jobs.JobResult;
import dev.keyward.vault.jobs.JobName;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The dashboard: a card per key with a provider (health, service status, usage, cost, age, last
 * collection, warnings), filters, the selected key's history charts and a Refresh now button that
 * asks the session's dashboard job for a run. Everything is read on background threads; no secret
 * value is read or shown.
 */
public final class DashboardPage implements Page {

    /** Snapshots older than this are left to the daily summaries in the charts. */
    private static final Duration HISTORY = Duration.ofDays(366);

    private final PageContext ctx;
    private final DashboardLoader loader;
    private final DashboardService dashboard;
    private final CardList cardList = new CardList(this::select);
    private final KeyDetailView detail;
    private final EmptyState empty = new EmptyState(this::enableAutomation);
    private final Button refresh = new Button("Re_fresh now");
    private final javafx.scene.control.ToggleButton hygieneToggle = new javafx.scene.control.ToggleButton("Key _hygiene");
    private final HygieneView hygiene;
    private final Label status = new Label();
    private final StackPane body = new StackPane();
    private final SplitPane content;
    private final BorderPane view = new BorderPane();
    private final AutoCloseable finishedSubscription;
    private boolean refreshing;
    private boolean hasCards;
    private boolean disposed;
    private int loads;
    private int detailLoads;
    private JobResult lastOwnResult;
    /** What to do with the cards once the newest load is shown; a newer load takes over the older ones' callbacks. */
    private final List<Consumer<List<KeyCard>>> afterLoad = new ArrayList<>();

    public DashboardPage(PageContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.dashboard = ctx.services().dashboard();
        this.loader = new DashboardLoader(ctx.session(), dashboard, ZoneId.systemDefault());
        this.detail = new KeyDetailView(() -> LocalDate.ofInstant(ctx.session().clock().instant(), ZoneOffset.UTC));
        refresh.setId("dashboard-refresh");
        refresh.setOnAction(e -> refreshNow());
        refresh.setDisable(true);
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        status.setId("dashboard-status");
        status.setWrapText(true);
        Label title = new Label("Dashboard");
        title.getStyleClass().add("title-2");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        hygiene = new HygieneView(ctx, dev.keyward.app.ui.discovery.SourceOpener.systemBrowser());
        hygieneToggle.setId("dashboard-hygiene");
        hygieneToggle.setMinWidth(Region.USE_PREF_SIZE);
        hygieneToggle.setOnAction(e -> showHygiene(hygieneToggle.isSelected()));
        HBox heading = new HBox(12, title, gap, hygieneToggle, refresh);
        heading.setAlignment(Pos.CENTER_LEFT);
        // The outcome of a refresh (an error sentence can be long) gets its own full-width line under the title.
        status.setMaxWidth(Double.MAX_VALUE);
        status.setMinHeight(Region.USE_PREF_SIZE);
        VBox top = new VBox(6, heading, status);
        content = new SplitPane(cardList.view(), detail.view());
        content.setDividerPositions(0.55);
        body.getChildren().setAll(new Label("Reading the dashboard…"));
        view.setTop(top);
        view.setCenter(body);
        BorderPane.setMargin(body, new Insets(12, 0, 0, 0));
        view.setPadding(new Insets(16));
        view.setId("dashboard-page");
        view.getStylesheets().add(Objects.requireNonNull(DashboardPage.class.getResource("dashboard.css"),
                "dashboard.css is missing").toExternalForm());
        finishedSubscription = ctx.jobs().onFinished(JobName.DASHBOARD_REFRESH, this::runFinished);
        reload(null);
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void focusSearch() {
        cardList.focusSearch();
    }

    @Override
    public void dispose() {
        disposed = true;
        try {
            finishedSubscription.close();
        } catch (Exception e) {
            // Removing a listener has nothing to report; the page is going away either way.
        }
        cardList.setCards(List.of());
        detail.clear();
    }

    /** The vault changed elsewhere: the cards again, as after a refresh. */
    @Override
    public void reload() {
        reload(null);
    }

    /** Reads the dashboard again; {@code after} (may be null) runs with the new cards once they are shown. */
    private void reload(Consumer<List<KeyCard>> after) {
        int load = ++loads;
        if (after != null) {
            afterLoad.add(after);
        }
        ctx.work().run(loader::load, state -> {
            if (disposed || load != loads) {
                return;
            }
            show(state);
            List<KeyCard> shown = state instanceof DashboardState.Cards c ? c.cards() : List.of();
            List<Consumer<List<KeyCard>>> waiting = List.copyOf(afterLoad);
            afterLoad.clear();
            waiting.forEach(callback -> callback.accept(shown));
        }, error -> {
            if (!disposed && load == loads) {
                afterLoad.clear();
                status.setText(UserMessages.describe(error));
                // A refresh that ended in a failed read must not leave its button dead.
                updateRefreshButton();
            }
        });
    }

    private void show(DashboardState state) {
        switch (state) {
            case DashboardState.AutomationOff off -> {
                empty.automationOff();
                showEmpty();
            }
            case DashboardState.NoKeys none -> {
                empty.noKeys();
                showEmpty();
            }
            case DashboardState.Cards cards -> {
                hasCards = true;
                if (hygieneToggle.isSelected()) {
                    hygiene.reload();
                } else {
                    body.getChildren().setAll(content);
                }
                cardList.setCards(cards.cards());
            }
        }
        updateRefreshButton();
    }

    /** Shows the key-hygiene view instead of the cards, or the cards again. */
    private void showHygiene(boolean on) {
        if (on) {
            body.getChildren().setAll(hygiene.view());
            hygiene.reload();
        } else if (hasCards) {
            body.getChildren().setAll(content);
        } else {
            body.getChildren().setAll(empty.view());
        }
    }

    private void showEmpty() {
        hasCards = false;
        cardList.setCards(List.of());
        detail.clear();
        body.getChildren().setAll(empty.view());
    }

    private void select(KeyCard card) {
        int load = ++detailLoads;
        if (card == null) {
            detail.clear();
            return;
        }
        detail.loading(card);
        ctx.work().run(() -> dashboard.history(card.secretId(), ctx.session().clock().instant().minus(HISTORY)),
                history -> {
                    if (!disposed && load == detailLoads) {
                        detail.show(card, history);
                    }
                }, error -> {
                    if (!disposed && load == detailLoads) {
                        detail.failed(UserMessages.describe(error));
                    }
                });
    }

    private void enableAutomation() {
        ctx.work().run(() -> {
            ctx.session().enableAutomation();
            return true;
        }, ok -> reload(null), error -> {
            empty.enableFailed();
            status.setText(UserMessages.describe(error));
        });
    }

    private void refreshNow() {
        refreshing = true;
        updateRefreshButton();
        status.setText(RefreshSentence.RUNNING);
        CompletableFuture<JobResult> run;
        try {
            run = ctx.jobs().runNow(JobName.DASHBOARD_REFRESH);
        } catch (RuntimeException e) {
            run = CompletableFuture.failedFuture(e);
        }
        // The future completes off the JavaFX thread; its outcome is shown back on it.
        run.whenComplete((result, error) -> Platform.runLater(() -> ownRunEnded(result, error)));
    }

    private void ownRunEnded(JobResult result, Throwable error) {
        if (disposed) {
            return;
        }
        refreshing = false;
        lastOwnResult = result;
        if (error != null) {
            updateRefreshButton();
            status.setText("The refresh could not run: " + UserMessages.describe(error));
            return;
        }
        if (!result.ran()) {
            updateRefreshButton();
            status.setText(RefreshSentence.notRun(result));
            return;
        }
        reload(cards -> status.setText(RefreshSentence.outcome(result, cards)));
    }

    /** Any finished run of the dashboard job, whoever started it: show what it stored. */
    private void runFinished(JobResult result) {
        if (disposed) {
            return;
        }
        if (refreshing || (result != null && result.equals(lastOwnResult))) {
            // The page's own run: its outcome sentence comes with the run's future.
            reload(null);
            return;
        }
        reload(cards -> {
            if (!refreshing && !cards.isEmpty()) {
                status.setText(RefreshSentence.background(cards));
            }
        });
    }

    private void updateRefreshButton() {
        refresh.setDisable(refreshing || !hasCards);
    }
}
