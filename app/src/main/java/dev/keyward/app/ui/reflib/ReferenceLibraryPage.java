package dev.keyward.app.ui.reflib;

import dev.keyward.app.ui.BackgroundWork;
import dev.keyward.app.ui.Page;
import dev.keyward.app.ui.UserMessages;
import dev.keyward.reflib.LibrarySource;
import dev.keyward.reflib.ReferenceLibrary;
import dev.keyward.reflib.SearchHit;
import dev.keyward.reflib.SyncOutcome;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The reference library: its sources and their state, a sync with progress and Cancel, and an
 * offline search whose ranked snippets are shown as plain text (never rendered as HTML).
 */
public final class ReferenceLibraryPage implements Page {

    private static final int SEARCH_LIMIT = 20;

    private final ReferenceLibrary library;
    private final BackgroundWork work;
    private final VBox view = new VBox(10);
    private final TableView<LibrarySource> table = new TableView<>();
    private final Button sync = new Button("S_ync outdated sources");
    private final Button cancel = new Button("_Cancel sync");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label();
    private final TextField query = new TextField();
    private final TextArea results = new TextArea();
    private LibrarySyncTask running;

    public ReferenceLibraryPage(ReferenceLibrary library, BackgroundWork work) {
        this.library = library;
        this.work = work;
        view.setId("reflib-page");
        view.setPadding(new Insets(16));
        Label title = new Label("Reference library");
        title.getStyleClass().add("title-2");
        buildTable();
        sync.setId("reflib-sync");
        cancel.setId("reflib-cancel");
        progress.setId("reflib-progress");
        status.setId("reflib-status");
        status.setWrapText(true);
        cancel.setDisable(true);
        progress.setVisible(false);
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        sync.setOnAction(e -> startSync());
        cancel.setOnAction(e -> cancelSync());
        query.setId("reflib-query");
        query.setPromptText("Search the downloaded documentation (press Enter)");
        query.setOnAction(e -> search());
        results.setId("reflib-results");
        results.setEditable(false);
        results.setWrapText(true);
        VBox.setVgrow(results, Priority.ALWAYS);
        view.getChildren().addAll(title, table, new HBox(8, sync, cancel, progress), status, query, results);
        refresh();
    }

    private void buildTable() {
        table.setId("reflib-table");
        dev.keyward.app.ui.TableHeaders.keepWhole(table);
        table.setPrefHeight(200);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Source", LibrarySource::name));
        table.getColumns().add(column("State", s -> stateText(s)));
        table.getColumns().add(column("Pinned commit", s -> s.pinned().commitSha().substring(0, 12)));
        table.getColumns().add(column("Repository", s -> s.pinned().repositoryUrl()));
        table.setPlaceholder(dev.keyward.app.ui.EmptyText.of("No sources are registered."));
    }

    private static TableColumn<LibrarySource, String> column(String name,
                                                            java.util.function.Function<LibrarySource, String> text) {
        TableColumn<LibrarySource, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        return c;
    }

    static String stateText(LibrarySource s) {
        return s.state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private void refresh() {
        work.run(library::list, table.getItems()::setAll, error -> status.setText(UserMessages.describe(error)));
    }

    private void startSync() {
        LibrarySyncTask task = new LibrarySyncTask(library);
        running = task;
        sync.setDisable(true);
        cancel.setDisable(false);
        progress.setVisible(true);
        progress.progressProperty().bind(task.progressProperty());
        status.textProperty().bind(task.messageProperty());
        task.setOnSucceeded(e -> syncEnded(summary(task.getValue())));
        task.setOnFailed(e -> syncEnded(UserMessages.describe(task.getException())));
        task.setOnCancelled(e -> syncEnded("Sync cancelled; the sources that were not finished keep their "
                + "previous copy and resume next time."));
        task.start();
    }

    private void cancelSync() {
        if (running != null) {
            cancel.setDisable(true);
            running.cancel(true);
        }
    }

    private void syncEnded(String message) {
        running = null;
        progress.progressProperty().unbind();
        status.textProperty().unbind();
        progress.setVisible(false);
        sync.setDisable(false);
        cancel.setDisable(true);
        status.setText(message);
        refresh();
    }

    static String summary(List<SyncOutcome> outcomes) {
        long failed = outcomes.stream().filter(o -> o instanceof SyncOutcome.Failed).count();
        StringBuilder text = new StringBuilder("Sync finished: " + (outcomes.size() - failed) + " source(s) current");
        text.append(failed == 0 ? "." : ", " + failed + " failed.");
        for (SyncOutcome o : outcomes) {
            if (o instanceof SyncOutcome.Failed f) {
                text.append("\n").append(f.sourceName()).append(": ").append(f.error().getMessage());
            }
        }
        return text.toString();
    }

    private void search() {
        String q = query.getText().strip();
        if (q.isEmpty()) {
            results.clear();
            return;
        }
        work.run(() -> library.search(q, SEARCH_LIMIT), hits -> results.setText(format(hits)),
                error -> results.setText(UserMessages.describe(error)));
    }

    static String format(List<SearchHit> hits) {
        if (hits.isEmpty()) {
            return "No matches. Sync the library first if it is empty.";
        }
        StringBuilder out = new StringBuilder();
        int rank = 1;
        for (SearchHit h : hits) {
            out.append(rank++).append(". ").append(h.sourceName()).append(" / ").append(h.path())
                    .append(" (line ").append(h.line()).append(")\n").append(h.snippet().strip()).append("\n\n");
        }
        return out.toString();
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public void focusSearch() {
        query.requestFocus();
    }

    @Override
    public void dispose() {
        cancelSync();
    }
}
