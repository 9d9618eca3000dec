package dev.keyward.app.ui.secrets;

import dev.keyward.app.ui.FormDialog;
import dev.keyward.app.ui.PageContext;
import dev.keyward.app.ui.UserMessages;
import dev.keyward.app.ui.unlock.PasswordInput;
import dev.keyward.vault.crypto.Wipe;
import dev.keyward.vault.secrets.SecretInfo;
import dev.keyward.vault.secrets.SecretVersionInfo;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

/** The add, edit, rotate and history dialogs of the secrets page. */
final class SecretDialogs {

    /** The provider choice meaning "detect it from the key, or none". */
    static final String DETECT = "";

    private final PageContext ctx;

    SecretDialogs(PageContext ctx) {
        this.ctx = ctx;
    }

    void add(List<String> providerSlugs, Runnable onDone) {
        FormDialog form = new FormDialog(ctx.owner(), "Add a secret", "Add");
        TextField name = form.addRow("_Name", new TextField());
        name.setId("secret-name");
        name.setPromptText("e.g. OPENAI_API_KEY");
        PasswordField value = form.addRow("_Value", new PasswordField());
        value.setId("secret-value");
        ComboBox<String> provider = form.addRow("Pro_vider", providerChoice(providerSlugs));
        Label hint = form.addWide(new Label());
        new ProviderHint(ctx.session().providers(), value, provider, hint);
        form.setOnSubmit(f -> {
            char[] chars = PasswordInput.peek(value);
            String slug = provider.getValue();
            f.busy(true);
            ctx.work().run(() -> {
                try {
                    return ctx.session().secrets().add(name.getText().trim(), chars, slug);
                } finally {
                    Wipe.chars(chars);
                }
            }, added -> {
                f.finish();
                onDone.run();
            }, error -> f.showError(UserMessages.describe(error)));
        });
        form.setOnClosed(value::clear);
        form.show();
        name.requestFocus();
    }

    void edit(SecretInfo secret, List<String> providerSlugs, Runnable onDone) {
        FormDialog form = new FormDialog(ctx.owner(), "Edit " + secret.name(), "Save");
        TextField name = form.addRow("_Name", new TextField(secret.name()));
        name.setId("secret-name");
        ComboBox<String> provider = form.addRow("Pro_vider", providerChoice(providerSlugs));
        provider.setValue(secret.providerSlug() == null ? DETECT : secret.providerSlug());
        form.setOnSubmit(f -> {
            String slug = DETECT.equals(provider.getValue()) ? null : provider.getValue();
            f.busy(true);
            ctx.work().run(() -> ctx.session().secrets().edit(secret.name(), name.getText().trim(), slug), edited -> {
                f.finish();
                onDone.run();
            }, error -> f.showError(UserMessages.describe(error)));
        });
        form.show();
    }

    void rotate(SecretInfo secret, Runnable onDone) {
        FormDialog form = new FormDialog(ctx.owner(), "Rotate " + secret.name(), "Rotate");
        form.addWide(new Label("The new value becomes current; version " + secret.version()
                + " and earlier stay in the history."));
        PasswordField value = form.addRow("New _value", new PasswordField());
        value.setId("rotate-value");
        form.setOnSubmit(f -> {
            char[] chars = PasswordInput.peek(value);
            f.busy(true);
            ctx.work().run(() -> {
                try {
                    return ctx.session().secrets().rotate(secret.name(), chars);
                } finally {
                    Wipe.chars(chars);
                }
            }, rotated -> {
                f.finish();
                onDone.run();
            }, error -> f.showError(UserMessages.describe(error)));
        });
        form.setOnClosed(value::clear);
        form.show();
        value.requestFocus();
    }

    void history(SecretInfo secret) {
        FormDialog form = new FormDialog(ctx.owner(), "History of " + secret.name(), "Close");
        ListView<String> versions = form.addWide(new ListView<>());
        versions.setId("secret-history");
        versions.setPrefHeight(220);
        versions.setPrefWidth(600);
        // A line wraps at the list's width (a narrow dialog) rather than running past its edge.
        versions.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            {
                setWrapText(true);
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(String line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty ? null : line);
            }
        });
        ctx.work().run(() -> ctx.session().secrets().history(secret.name()), list -> {
            List<String> lines = new ArrayList<>();
            for (SecretVersionInfo v : list) {
                lines.add("Version " + v.version() + "  ·  set " + v.createdAt()
                        + (v.retiredAt() == null ? "  ·  current" : "  ·  replaced " + v.retiredAt())
                        + (v.last4() == null || v.last4().isEmpty() ? "" : "  ·  ends in " + v.last4()));
            }
            versions.getItems().setAll(lines);
        }, error -> form.showError(UserMessages.describe(error)));
        form.show();
    }

    private static ComboBox<String> providerChoice(List<String> slugs) {
        ComboBox<String> box = new ComboBox<>();
        box.setId("secret-provider");
        box.getItems().add(DETECT);
        box.getItems().addAll(slugs);
        box.setValue(DETECT);
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String slug) {
                return slug == null || slug.isEmpty() ? "(detect from the key, or none)" : slug;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        return box;
    }
}
