package dev.keyward.app.ui.tray;

import java.awt.AWTException;
import java.awt.EventQueue;
import java.awt.GraphicsEnvironment;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import javafx.application.Platform;

/** The AWT system tray. AWT calls run on the AWT thread; menu actions hop to the JavaFX thread. */
final class AwtTrayChannel implements TrayChannel {

    private static final System.Logger LOG = System.getLogger(AwtTrayChannel.class.getName());

    private TrayIcon icon;
    private MenuItem statusItem;
    private volatile boolean installed;
    /** Set by {@link #remove}: an install still under way then adds no icon. */
    private volatile boolean removed;
    /** What {@link #show} was last given, drawn by the install that may come after it. */
    private volatile TrayState state = TrayState.LOCKED;
    private volatile String statusLine = "Keyward";

    static boolean isSupported() {
        try {
            return !GraphicsEnvironment.isHeadless() && SystemTray.isSupported();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @Override
    public boolean isAvailable() {
        return installed;
    }

    @Override
    public void install(TrayActions actions) {
        if (removed || !isSupported()) {
            return; // no tray on this desktop: the window's menu offers the same actions
        }
        Runnable build = () -> {
            if (removed) {
                return;
            }
            PopupMenu menu = new PopupMenu();
            statusItem = new MenuItem(statusLine);
            statusItem.setEnabled(false);
            menu.add(statusItem);
            menu.addSeparator();
            menu.add(item("Open", actions.open()));
            menu.add(item("Refresh now", actions.refreshNow()));
            menu.add(item("Lock", actions.lock()));
            menu.add(item("Lock and stop", actions.lockAndStop()));
            menu.addSeparator();
            menu.add(item("Quit", actions.quit()));
            SystemTray tray = SystemTray.getSystemTray();
            int size = Math.max(16, tray.getTrayIconSize().height);
            icon = new TrayIcon(TrayIconArt.draw(state, size), statusLine, menu);
            icon.setImageAutoSize(true);
            icon.addActionListener(e -> Platform.runLater(actions.open()));
            try {
                tray.add(icon);
            } catch (AWTException e) {
                LOG.log(System.Logger.Level.WARNING, "The system tray refused Keyward's icon", e);
                icon = null;
            }
        };
        try {
            EventQueue.invokeAndWait(build);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.lang.reflect.InvocationTargetException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not build the tray icon", e.getCause());
        }
        installed = icon != null;
        if (installed && removed) {
            removeIcon(); // removed while it was being built
        } else if (installed) {
            show(state, statusLine); // a change shown while it was being built
        }
    }

    @Override
    public void show(TrayState state, String statusLine) {
        this.state = state;
        this.statusLine = statusLine;
        if (!installed) {
            return; // the install draws the latest state; no AWT before it (or without a tray)
        }
        EventQueue.invokeLater(() -> {
            if (icon == null) {
                return;
            }
            icon.setImage(TrayIconArt.draw(state, Math.max(16, icon.getSize().height)));
            icon.setToolTip(statusLine);
            statusItem.setLabel(statusLine);
        });
    }

    @Override
    public boolean notify(Notification n) {
        if (!installed) {
            return false;
        }
        EventQueue.invokeLater(() -> {
            if (icon != null) {
                icon.displayMessage(n.title(), n.text(), n.urgency() == Notification.Urgency.ATTENTION
                        ? TrayIcon.MessageType.WARNING : TrayIcon.MessageType.INFO);
            }
        });
        return true;
    }

    @Override
    public void remove() {
        removed = true;
        if (installed) {
            removeIcon();
        }
    }

    private void removeIcon() {
        installed = false;
        EventQueue.invokeLater(() -> {
            if (icon != null) {
                SystemTray.getSystemTray().remove(icon);
                icon = null;
            }
        });
    }

    private static MenuItem item(String label, Runnable action) {
        MenuItem item = new MenuItem(label);
        item.addActionListener(e -> Platform.runLater(action));
        return item;
    }
}
