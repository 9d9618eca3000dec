package dev.keyward.app.ui.shell;

import dev.keyward.app.ui.Page;
import dev.keyward.app.ui.PageContext;
import dev.keyward.app.ui.UserMessages;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The honest page for a feature that is not in this build: what it will do, that it is not
 * available yet, and a button that enables the automation data for the profile.
 */
public final class PlannedFeaturePage implements Page {

    private final VBox view = new VBox(14);
    private final Label state = new Label();
    private final Button enable = new Button("_Enable automation for this profile");

    public PlannedFeaturePage(PlannedFeature feature, PageContext ctx) {
        view.setPadding(new Insets(24));
        view.setId("planned-" + feature.name().toLowerCase(java.util.Locale.ROOT));
        Label title = new Label(feature.title());
        title.getStyleClass().add("title-2");
        Label promise = new Label(feature.promise());
        promise.setWrapText(true);
        Label missing = new Label("This feature is not available in this build of Keyward yet.");
        missing.getStyleClass().add("text-bold");
        state.setWrapText(true);
        state.setId("automation-state");
        enable.setId("enable-automation");
        enable.setOnAction(e -> {
            enable.setDisable(true);
            ctx.work().run(() -> {
                ctx.session().enableAutomation();
                return true;
            }, ok -> showState(true), error -> {
                enable.setDisable(false);
                state.setText(UserMessages.describe(error));
            });
        });
        view.getChildren().addAll(title, promise, missing, enable, state);
        enable.setDisable(true);
        ctx.work().run(() -> ctx.session().automationEnabled(), this::showState,
                error -> state.setText(UserMessages.describe(error)));
    }

    private void showState(boolean enabled) {
        enable.setDisable(enabled);
        state.setText(enabled
                ? "Automation data is enabled for this profile; its tables are ready for when the feature arrives."
                : "Enabling prepares the profile's vault for the automation features (it adds their tables). "
                + "Nothing runs and nothing goes online until a feature that does so is in the build and turned on.");
    }

    @Override
    public Node view() {
        return view;
    }
}
