package dev.keyward.app.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;

/** The light and dark look (AtlantaFX Primer) plus Keyward's own small stylesheet. */
public enum Theme {
    LIGHT, DARK;

    private static final String APP_CSS = Objects.requireNonNull(
            Theme.class.getResource("keyward.css"), "keyward.css is missing").toExternalForm();

    /** The theme named by the {@code theme} setting; anything unknown reads as light. */
    public static Theme of(String setting) {
        return "dark".equalsIgnoreCase(setting) ? DARK : LIGHT;
    }

    public void apply() {
        Application.setUserAgentStylesheet(this == DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public static void addAppStylesheet(Scene scene) {
        if (!scene.getStylesheets().contains(APP_CSS)) {
            scene.getStylesheets().add(APP_CSS);
        }
    }
}
