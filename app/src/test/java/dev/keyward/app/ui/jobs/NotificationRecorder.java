package dev.keyward.app.ui.jobs;

import dev.keyward.app.ui.tray.Notification;
import dev.keyward.app.ui.tray.Notifier;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A notifier that keeps every notification posted to it, and passes each on to another notifier. */
public final class NotificationRecorder implements Notifier {

    private final List<Notification> posted = new CopyOnWriteArrayList<>();
    private final Notifier next;

    public NotificationRecorder() {
        this(n -> { });
    }

    public NotificationRecorder(Notifier next) {
        this.next = next;
    }

    @Override
    public void post(Notification notification) {
        posted.add(notification);
        next.post(notification);
    }

    public List<Notification> posted() {
        return List.copyOf(posted);
    }

    public List<Notification> titled(String prefix) {
        return posted.stream().filter(n -> n.title().startsWith(prefix)).toList();
    }

    /** True when {@code text} appears in any title or text posted so far. */
    public boolean anyContains(String text) {
        return posted.stream().anyMatch(n -> n.title().contains(text) || n.text().contains(text));
    }
}
