package dev.keyward.app.ui.dashboard;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The dashboard's honest empty states: automation data not enabled (and what enabling does), or no watched keys. */
final class EmptyState {

    static final String AUTOMATION_OFF_TITLE = "The dashboard is not enabled for this profile";
    static final String AUTOMATION_OFF = "The dashboard keeps each key's health and usage snapshots in the profile's "
            + "automation tables, which this profile does not have yet. Enabling adds those tables to the encrypted vault. "
            + "From then on Keyward checks each key that has a provider with that provider (its API, or its dashboard page "
            + "when autonomous mode allows) on the refresh interval set in Settings, outside quiet hours, and whenever you "
            + "press Refresh now. Only the providers of your own keys are contacted.";
    static final String NO_KEYS_TITLE = "No keys to watch yet";
    static final String NO_KEYS = "The dashboard shows a card for each secret that has a provider. Add a key on the "
            + "Secrets page and choose its provider (keys in a format Keyward recognises get theirs automatically).";

    private final VBox view = new VBox(12);
    private final javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(view);
    private final Label title = new Label();
    private final Label message = new Label();
    private final Button enable = new Button("_Enable the dashboard for this profile");

    EmptyState(Runnable onEnable) {
        title.getStyleClass().add("title-3");
        title.setId("dashboard-empty-title");
        title.setWrapText(true);
        title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        message.setWrapText(true);
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        message.setId("dashboard-empty-message");
        enable.setId("dashboard-enable");
        enable.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        enable.setOnAction(e -> {
            enable.setDisable(true);
            onEnable.run();
        });
        view.getChildren().addAll(title, message, enable);
        view.getStyleClass().add("empty-state");
        view.setId("dashboard-empty");
        // In a short window the long explanation scrolls instead of losing its end.
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
    }

    Node view() {
        return scroll;
    }

    void automationOff() {
        show(AUTOMATION_OFF_TITLE, AUTOMATION_OFF, true);
    }

    void noKeys() {
        show(NO_KEYS_TITLE, NO_KEYS, false);
    }

    /** Enabling failed: the button is offered again. */
    void enableFailed() {
        enable.setDisable(false);
    }

    private void show(String heading, String text, boolean offerEnable) {
        title.setText(heading);
        message.setText(text);
        enable.setVisible(offerEnable);
        enable.setManaged(offerEnable);
        enable.setDisable(false);
    }
}
