package dev.keyward.app.ui.automation;

import dev.keyward.app.ui.tray.Notification;
import dev.keyward.app.ui.tray.Notifier;
import dev.keyward.automation.runner.CheckpointDecision;
import dev.keyward.automation.runner.CheckpointGate;
import dev.keyward.automation.runner.CheckpointRequest;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.stage.Window;

/**
 * The desktop's checkpoint gate: each request opens a modal {@link CheckpointWindow} on the JavaFX
 * thread and posts a tray notification, so a run waiting in the background is noticed. The future
 * is completed on the JavaFX thread by the human's answer, by closing the window, or by the countdown.
 */
public final class CheckpointDialog implements CheckpointGate {

    private final Window owner;
    private final Notifier notifier;

    /** @param owner the window the dialog is modal to, or null for the whole application */
    public CheckpointDialog(Window owner, Notifier notifier) {
        this.owner = owner;
        this.notifier = notifier;
    }

    @Override
    public CompletableFuture<CheckpointDecision> ask(CheckpointRequest request) {
        CompletableFuture<CheckpointDecision> answer = new CompletableFuture<>();
        // The request's texts are already redacted by the runner; the notification names no value.
        notifier.post(new Notification("Keyward: approval needed",
                request.scriptTitle() + " is waiting at a " + request.type().dbValue().replace('_', ' ')
                        + " checkpoint.", Notification.Urgency.ATTENTION));
        Platform.runLater(() -> new CheckpointWindow(owner, request, answer).show());
        return answer;
    }
}
