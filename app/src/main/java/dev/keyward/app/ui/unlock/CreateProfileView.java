package dev.keyward.app.ui.unlock;

import dev.keyward.app.ui.LongWork;
import dev.keyward.app.ui.UserMessages;
import dev.keyward.vault.crypto.Password;
import dev.keyward.vault.session.ProfileService;
import dev.keyward.vault.session.VaultSession;
import java.util.function.BiConsumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The first-start screen: a profile name and a password typed twice under a strength meter.
 * Creating it also unlocks it, then hands over the session and the recovery code.
 */
public final class CreateProfileView extends StackPane {

    private final ProfileService profiles;
    private final LongWork longWork;
    private final BiConsumer<VaultSession, Password> onCreated;
    private final TextField name = new TextField();
    private final PasswordField password = new PasswordField();
    private final PasswordField repeat = new PasswordField();
    private final Label error = new Label();

    /** {@code onBack} is null on a first start (there is nothing to go back to). */
    public CreateProfileView(ProfileService profiles, LongWork longWork, BiConsumer<VaultSession, Password> onCreated,
                             Runnable onBack) {
        this.profiles = profiles;
        this.longWork = longWork;
        this.onCreated = onCreated;
        setId("create-profile-view");
        Label title = new Label("Create your Keyward profile");
        title.getStyleClass().add("title-2");
        title.setWrapText(true);
        Label intro = new Label("Your keys are encrypted with this password. Keyward cannot recover a forgotten "
                + "password; the recovery code shown next can.");
        intro.setWrapText(true);
        name.setId("profile-name");
        name.setPromptText("e.g. work");
        password.setId("new-password");
        repeat.setId("repeat-password");
        PasswordStrengthMeter meter = new PasswordStrengthMeter(longWork.background());
        meter.follow(password);
        error.setId("create-error");
        error.getStyleClass().add("form-error");
        error.setWrapText(true);
        Button create = new Button("C_reate profile");
        create.setId("create-profile");
        create.setDefaultButton(true);
        create.setOnAction(e -> create());
        HBox buttons = new HBox(8, create);
        if (onBack != null) {
            Button back = new Button("_Back to unlock");
            back.setOnAction(e -> {
                password.clear();
                repeat.clear();
                onBack.run();
            });
            buttons.getChildren().add(back);
        }
        VBox card = new VBox(8, title, intro,
                labelled("Profile _name", name), labelled("_Password", password), meter,
                labelled("Password _again", repeat), error, buttons);
        getChildren().add(dev.keyward.app.ui.ScreenCard.centred(card, 500));
    }

    private void create() {
        String profileName = name.getText().trim();
        Password first = PasswordInput.take(password);
        Password second = PasswordInput.take(repeat);
        boolean same;
        try {
            same = first.sameAs(second);
        } finally {
            second.destroy();
        }
        if (!same) {
            first.destroy();
            error.setText("The two passwords differ; type them again.");
            password.requestFocus();
            return;
        }
        if (first.length() < ProfileService.MIN_PASSWORD_LENGTH) {
            first.destroy();
            error.setText("The password must have at least " + ProfileService.MIN_PASSWORD_LENGTH + " characters.");
            password.requestFocus();
            return;
        }
        error.setText("");
        longWork.run("Creating the profile and deriving its keys…", () -> {
            try (first) {
                ProfileService.Created created = profiles.create(profileName, first);
                try {
                    return new Result(profiles.unlock(created.profile(), first), created.recoveryCode());
                } catch (RuntimeException e) {
                    created.recoveryCode().destroy();
                    throw e;
                }
            }
        }, r -> onCreated.accept(r.session(), r.recoveryCode()), failure -> {
            error.setText(UserMessages.describe(failure));
            name.requestFocus();
        }, r -> {
            r.session().close();
            r.recoveryCode().destroy();
        }, () -> error.setText("Cancelled. If the profile was already written, it is listed on the unlock screen."));
    }

    private record Result(VaultSession session, Password recoveryCode) {
    }

    static VBox labelled(String text, javafx.scene.Node field) {
        Label label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        return new VBox(2, label, field);
    }

    public TextField nameField() {
        return name;
    }
}
