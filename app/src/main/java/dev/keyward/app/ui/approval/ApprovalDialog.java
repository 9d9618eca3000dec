package dev.keyward.app.ui.approval;

import dev.keyward.app.agent.Approval;
import dev.keyward.app.agent.ApprovalPrompt;
import dev.keyward.app.agent.ApprovalQuestion;
import dev.keyward.app.ui.tray.Notification;
import dev.keyward.app.ui.tray.Notifier;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The desktop's {@link ApprovalPrompt}: each question opens an {@link ApprovalWindow} on the JavaFX
 * thread, above other windows. While the main window is hidden in the tray (or minimised), a tray
 * notification says a program is waiting; a question nobody answered is followed by a notice that
 * nothing was shared.
 */
public final class ApprovalDialog implements ApprovalPrompt {

    /** How long the Allow buttons stay disabled after the window appears, so keys typed elsewhere cannot allow. */
    public static final Duration ARMING = Duration.ofSeconds(1);

    private final Stage main;
    private final Notifier notifier;
    private final Duration arming;

    /** @param main the app's main window: the approval window sits on it while it shows */
    public ApprovalDialog(Stage main, Notifier notifier) {
        this(main, notifier, ARMING);
    }

    /** A dialog whose Allow buttons arm after {@code arming} (tests use zero). */
    public ApprovalDialog(Stage main, Notifier notifier, Duration arming) {
        this.main = main;
        this.notifier = notifier;
        this.arming = arming;
    }

    @Override
    public CompletableFuture<Approval> ask(ApprovalQuestion question) {
        CompletableFuture<Approval> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            if (answer.isDone()) {
                return; // cancelled (locked) before the window could open
            }
            boolean hidden = main == null || !main.isShowing() || main.isIconified();
            if (hidden) {
                notifier.post(new Notification("Keyward: approval needed", "A program wants to " + question.client().wants()
                        + ": " + question.client().summary(), Notification.Urgency.ATTENTION));
            }
            new ApprovalWindow(hidden ? null : main, question, answer, arming).show();
        });
        return answer;
    }

    @Override
    public void notAnswered(ApprovalQuestion question) {
        notifier.post(Notification.info("Keyward: request denied", "No answer within "
                + question.answerWithin().toSeconds() + " seconds, so nothing was shared with "
                + question.client().summary() + "."));
    }
}
