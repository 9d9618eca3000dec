package dev.keyward.app.ui.tray;

/** Where features post notifications (critical findings, waiting checkpoints); callable from any thread. */
@FunctionalInterface
public interface Notifier {
    void post(Notification notification);
}
