package dev.keyward.app.ui.automation;

import dev.keyward.app.ui.Buttons;
import dev.keyward.app.ui.Page;
import dev.keyward.app.ui.PageContext;
import dev.keyward.app.ui.UserMessages;
import dev.keyward.automation.scripts.AutomationScript;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Automation screen: stored step programs (import, generate, review, approve or reject, run with a live
 * step log and checkpoint dialogs) and, on a second tab, service recommendations for a project.
 */
public final class AutomationPage implements Page {

    private final PageContext ctx;
    private final ProgramList list;
    private final ReviewPane review;
    private final RunPanel runs;
    private final ProgramActions actions;
    private final Label status = new Label();
    private final TabPane view = new TabPane();
    private long selections;

    public AutomationPage(PageContext ctx) {
        this.ctx = ctx;
        this.list = new ProgramList(this::select);
        this.runs = new RunPanel(() -> reload(null));
        this.actions = new ProgramActions(ctx, this, runs);
        this.review = new ReviewPane(actions);
        status.setId("automation-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        Button importButton = button("I_mport…", "program-import", actions::importFile);
        Button generate = button("Gen_erate…", "program-generate", actions::generate);
        Button refresh = button("Re_fresh", "program-refresh", () -> reload(null));
        // The buttons wrap to a second row rather than shrink to "I..." in a narrow window.
        VBox left = new VBox(8, list, new FlowPane(8, 8, importButton, generate, refresh), status);
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setPadding(new Insets(0, 8, 0, 0));
        left.setMinWidth(240);
        ScrollPane reviewScroll = new ScrollPane(review);
        reviewScroll.setId("review-scroll");
        reviewScroll.setFitToWidth(true);
        reviewScroll.setFitToHeight(true);
        reviewScroll.setMinHeight(120);
        ScrollPane runScroll = new ScrollPane(runs);
        runScroll.setId("run-scroll");
        runScroll.setFitToWidth(true);
        runScroll.setFitToHeight(true);
        runScroll.setMinHeight(100);
        SplitPane right = new SplitPane(reviewScroll, runScroll);
        right.setOrientation(javafx.geometry.Orientation.VERTICAL);
        right.setDividerPositions(0.6);
        right.setMinWidth(260);
        SplitPane programs = new SplitPane(left, right);
        programs.setDividerPositions(0.4);
        programs.setPadding(new Insets(16));
        programs.setMinHeight(380);
        ScrollPane programsScroll = new ScrollPane(programs);
        programsScroll.setFitToWidth(true);
        programsScroll.setFitToHeight(true);
        programsScroll.getStyleClass().add("edge-to-edge");
        Tab programsTab = new Tab("Programs", programsScroll);
        programsTab.setId("tab-programs");
        RecommendationsView recommendView = new RecommendationsView(ctx);
        VBox.setVgrow(recommendView, Priority.ALWAYS);
        VBox recommendations = new VBox(recommendView);
        recommendations.setPadding(new Insets(16));
        Tab recommendTab = new Tab("Recommendations", recommendations);
        recommendTab.setId("tab-recommendations");
        view.getTabs().setAll(programsTab, recommendTab);
        view.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        view.setId("automation-page");
        reload(null);
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = Buttons.of(text, id, action);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    /** Re-reads the list from {@code automation_scripts}; {@code select} (an id) is shown and reviewed. */
    void reload(String select) {
        ctx.work().run(() -> ctx.services().scripts().list(), scripts -> list.show(scripts, select), error -> {
            list.notRead();
            fail(error);
        });
    }

    private void select(AutomationScript script) {
        long asked = ++selections;
        if (script == null) {
            review.show(null);
            return;
        }
        ctx.work().run(() -> ProgramFacts.of(ctx.services().scripts(), script), facts -> {
            // Two background threads: an older selection's review may arrive after a newer one.
            if (asked == selections) {
                review.show(facts);
                review.runAllowed(!runs.running());
            }
        }, this::fail);
    }

    void say(String sentence) {
        status.setText(sentence);
    }

    void fail(Throwable error) {
        status.setText(UserMessages.describe(error));
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void dispose() {
        runs.stop();
    }
}
