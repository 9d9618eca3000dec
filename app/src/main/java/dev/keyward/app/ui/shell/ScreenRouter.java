package dev.keyward.app.ui.shell;

import dev.keyward.app.ui.BackgroundWork;
import dev.keyward.app.ui.DesktopServices;
import dev.keyward.app.ui.LongWork;
import dev.keyward.app.ui.UserMessages;
import dev.keyward.app.ui.unlock.CreateProfileView;
import dev.keyward.app.ui.unlock.UnlockFlow;
import dev.keyward.app.ui.unlock.UnlockThrottle;
import dev.keyward.app.ui.unlock.UnlockView;
import dev.keyward.vault.crypto.Password;
import dev.keyward.vault.profile.ProfileSummary;
import dev.keyward.vault.session.VaultSession;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Chooses the window's full-screen view before a profile is shown: create, unlock (also of a
 * session kept while locked), a problem, or nothing while secret views are being taken down. It
 * follows the session lifecycle: entering LOCKED shows the unlock screen for the kept session.
 */
final class ScreenRouter {

    private final StackPane screen = new StackPane();
    private final DesktopServices services;
    private final BackgroundWork work;
    private final LongWork longWork;
    private final UnlockFlow unlocking;
    /** One for the window's lifetime, so leaving and re-entering the unlock screen does not reset it. */
    private final UnlockThrottle throttle;
    private final BiConsumer<VaultSession, Password> created;
    private final Supplier<ProfileSummary> current;

    /**
     * @param created receives a newly created profile's session and its recovery code
     * @param current the profile last unlocked (preselected on the unlock screen), or null
     */
    ScreenRouter(DesktopServices services, BackgroundWork work, LongWork longWork, UnlockFlow unlocking,
                 BiConsumer<VaultSession, Password> created, Supplier<ProfileSummary> current) {
        this.services = services;
        this.work = work;
        this.longWork = longWork;
        this.unlocking = unlocking;
        this.throttle = services.throttle().get();
        this.created = created;
        this.current = current;
    }

    /** Routes on the lifecycle's changes. */
    void follow(SessionLifecycle<?, ?> lifecycle) {
        lifecycle.observe(phase -> {
            if (phase == SessionPhase.LOCKED) {
                unlockKept(current.get());
            }
        });
    }

    StackPane view() {
        return screen;
    }

    /** Lists the profiles and shows the unlock screen, or the create screen when there are none. */
    void profiles(ProfileSummary select, String sentence) {
        blank();
        work.run(services.profiles()::list, list -> {
            if (list.isEmpty()) {
                create(false);
            } else {
                unlock(list, select == null ? current.get() : select, false, sentence);
            }
        }, error -> problem(UserMessages.describe(error)));
    }

    void create(boolean canGoBack) {
        CreateProfileView view = new CreateProfileView(services.profiles(), longWork, created,
                canGoBack ? () -> profiles(null, null) : null);
        show(view);
        // A person starts typing the name at once, without reaching for the mouse.
        view.nameField().requestFocus();
    }

    /** The unlock screen for the session kept open while locked; its profile is fixed. */
    private void unlockKept(ProfileSummary profile) {
        work.run(services.profiles()::list, list -> unlock(list, profile, true, null),
                error -> unlock(List.of(profile), profile, true, null));
    }

    private void unlock(List<ProfileSummary> list, ProfileSummary select, boolean keptSession, String sentence) {
        UnlockView view = new UnlockView(list, select, keptSession, unlocking, longWork, services.restorer(),
                services.files(), throttle);
        show(view);
        if (sentence != null) {
            view.say(sentence);
        }
        view.focusPassword();
        StartupMarks.onNextFrame(screen.getScene(), "unlock-screen");
    }

    /** The unlock screen while it is shown, else null. */
    UnlockView unlockView() {
        return screen.getChildren().size() == 1 && screen.getChildren().get(0) instanceof UnlockView view ? view : null;
    }

    void problem(String sentence) {
        show(new ProblemView(sentence, () -> profiles(current.get(), null)));
    }

    /** Nothing: secret views are gone and the next screen is not chosen yet. */
    void blank() {
        show(new VBox());
    }

    void show(Node node) {
        screen.getChildren().setAll(node);
    }
}
