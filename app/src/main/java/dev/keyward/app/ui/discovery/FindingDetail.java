package dev.keyward.app.ui.discovery;

import dev.keyward.automation.discovery.FindingStatus;
import dev.keyward.automation.discovery.StoredFinding;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * One finding in full: title, snippet, what it means and what to do, why it is relevant, its source
 * address with an Open button, the user's notes and the status buttons. Text from the web is shown
 * only in Labels and read-only text areas: it is never markup and nothing in it can act.
 */
final class FindingDetail {

    private final Label empty = new Label("Choose a finding to see what it says and what to do about it.");
    private final Label urgency = new Label();
    private final Label title = new Label();
    private final Label meta = new Label();
    private final TextArea snippet = new TextArea();
    private final Label impact = new Label();
    private final Label action = new Label();
    private final Label relevance = new Label();
    private final TextField url = new TextField();
    private final Button open = new Button("_Open source");
    private final TextArea notes = new TextArea();
    private final Button reviewed = new Button("Mark revie_wed");
    private final Button dismiss = new Button("Dis_miss");
    private final Button actioned = new Button("Mark a_ctioned");
    private final Button markNew = new Button("Mark _new");
    private final Label message = new Label();
    private final VBox content;
    private final ScrollPane view;
    private StoredFinding shown;

    FindingDetail(BiConsumer<FindingStatus, String> mark, Consumer<String> openSource) {
        empty.setId("discovery-detail-empty");
        empty.setWrapText(true);
        urgency.setId("discovery-detail-urgency");
        title.setId("discovery-detail-title");
        title.getStyleClass().add("title-4");
        title.setWrapText(true);
        meta.setId("discovery-detail-meta");
        meta.setWrapText(true);
        meta.getStyleClass().add("text-muted");
        snippet.setId("discovery-detail-snippet");
        snippet.setEditable(false);
        snippet.setWrapText(true);
        snippet.setPrefRowCount(5);
        impact.setId("discovery-detail-impact");
        impact.setWrapText(true);
        action.setId("discovery-detail-action");
        action.setWrapText(true);
        relevance.setId("discovery-detail-relevance");
        relevance.setWrapText(true);
        url.setId("discovery-detail-url");
        url.setEditable(false);
        HBox.setHgrow(url, Priority.ALWAYS);
        open.setId("discovery-open-source");
        open.setTooltip(new Tooltip("Opens the address in your web browser (O)"));
        open.setOnAction(e -> openSource.accept(url.getText()));
        notes.setId("discovery-notes");
        notes.setPromptText("Your notes: what you did or decided (kept with the finding)");
        notes.setWrapText(true);
        notes.setPrefRowCount(3);
        notes.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                actioned.fire();
                e.consume();
            }
        });
        reviewed.setId("discovery-mark-reviewed");
        reviewed.setTooltip(new Tooltip("Seen it; keep it in the inbox (R)"));
        reviewed.setOnAction(e -> mark.accept(FindingStatus.REVIEWED, notesFor(FindingStatus.REVIEWED)));
        dismiss.setId("discovery-dismiss");
        dismiss.setTooltip(new Tooltip("Not relevant; hide it from the open findings (D)"));
        dismiss.setOnAction(e -> mark.accept(FindingStatus.DISMISSED, notesFor(FindingStatus.DISMISSED)));
        actioned.setId("discovery-mark-actioned");
        actioned.setTooltip(new Tooltip("Done something about it; saves the notes above (A writes notes, Ctrl+Enter saves)"));
        actioned.setOnAction(e -> mark.accept(FindingStatus.ACTIONED, notesFor(FindingStatus.ACTIONED)));
        markNew.setId("discovery-mark-new");
        markNew.setTooltip(new Tooltip("Back to unread (N)"));
        markNew.setOnAction(e -> mark.accept(FindingStatus.NEW, notesFor(FindingStatus.NEW)));
        message.setId("discovery-detail-message");
        message.setWrapText(true);
        for (Button b : new Button[] {open, reviewed, dismiss, actioned, markNew}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        for (Label l : new Label[] {empty, title, meta, impact, action, relevance, message}) {
            // Without this a wrapped label is cut to one line with "..." when the pane is narrow.
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        urgency.setMinWidth(Region.USE_PREF_SIZE);
        content = new VBox(8, new HBox(8, urgency, meta), title, snippet,
                heading("What it means"), impact, heading("What to do"), action,
                heading("Why it concerns you"), relevance,
                heading("Source"), new HBox(8, url, open),
                heading("Notes"), notes, new FlowPane(8, 8, reviewed, dismiss, actioned, markNew), message);
        content.setPadding(new Insets(12));
        view = new ScrollPane();
        view.setId("discovery-detail");
        view.setFitToWidth(true);
        show(null);
    }

    Node view() {
        return view;
    }

    StoredFinding shown() {
        return shown;
    }

    /** Shows {@code finding}, or the hint to choose one when null. */
    void show(StoredFinding finding) {
        boolean same = shown != null && finding != null && shown.id().equals(finding.id());
        shown = finding;
        if (!same) {
            message.setText("");
        }
        if (finding == null) {
            view.setContent(empty);
            return;
        }
        UrgencyLook look = UrgencyLook.of(finding.urgency());
        urgency.setText(look.word());
        urgency.getStyleClass().removeAll(UrgencyLook.allStyleClasses());
        urgency.getStyleClass().addAll(look.styleClasses());
        title.setText(text(finding.sourceTitle()));
        meta.setText(InboxTable.words(finding.category().dbValue()) + " \u00b7 "
                + (finding.providerName() == null ? finding.providerSlug() : finding.providerName())
                + " \u00b7 " + finding.userStatus().dbValue()
                + (finding.reviewedAt() == null ? "" : " " + InboxTable.DATE.format(finding.reviewedAt()) + " UTC")
                + " \u00b7 found " + InboxTable.DATE.format(finding.discoveredAt()) + " UTC"
                + (finding.publishedAt() == null ? "" : ", published " + InboxTable.DATE.format(finding.publishedAt())
                + " UTC"));
        snippet.setText(text(finding.sourceSnippet()));
        impact.setText(text(finding.impactSummary()));
        action.setText(text(finding.actionRecommendation()));
        relevance.setText(InboxTable.relevance(finding.relevanceScore())
                + (finding.relevanceReason() == null || finding.relevanceReason().isBlank() ? ""
                : " \u2014 " + finding.relevanceReason()));
        url.setText(text(finding.sourceUrl()));
        if (!same || Objects.equals(notes.getText(), "")) {
            notes.setText(text(finding.userNotes()));
        }
        reviewed.setDisable(finding.userStatus() == FindingStatus.REVIEWED);
        dismiss.setDisable(finding.userStatus() == FindingStatus.DISMISSED);
        markNew.setDisable(finding.userStatus() == FindingStatus.NEW);
        view.setContent(content);
    }

    /** A sentence about the last action on this finding (a refusal, an error, a confirmation). */
    void say(String text) {
        message.setText(text);
    }

    void setBusy(boolean busy) {
        for (Button b : new Button[] {reviewed, dismiss, actioned, markNew}) {
            b.setDisable(busy || (shown != null && !busy && isCurrent(b)));
        }
    }

    void focusNotes() {
        notes.requestFocus();
    }

    private boolean isCurrent(Button b) {
        FindingStatus s = shown.userStatus();
        return (b == reviewed && s == FindingStatus.REVIEWED) || (b == dismiss && s == FindingStatus.DISMISSED)
                || (b == markNew && s == FindingStatus.NEW);
    }

    // Actioned always saves the notes (also an emptied field); the other statuses only when the user changed them.
    private String notesFor(FindingStatus status) {
        String typed = notes.getText() == null ? "" : notes.getText();
        if (status == FindingStatus.ACTIONED) {
            return typed;
        }
        return typed.equals(text(shown == null ? null : shown.userNotes())) ? null : typed;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("text-bold");
        return l;
    }
}
