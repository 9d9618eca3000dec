package dev.keyward.app.ui.discovery;

import java.awt.Desktop;
import java.io.IOException;
import java.net.URI;

/**
 * Opens a finding's source address outside Keyward. The page hands it only addresses that
 * {@link SourceAddress} accepted; tests put in one that records the address instead.
 */
@FunctionalInterface
public interface SourceOpener {

    /** Opens {@code address}; called on a background thread, since a browser can take its time to answer. */
    void open(URI address) throws IOException;

    /** The system's default browser, through {@link Desktop#browse}. */
    static SourceOpener systemBrowser() {
        return address -> {
            if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                throw new IOException("This system offers Keyward no browser to open; copy the address instead.");
            }
            Desktop.getDesktop().browse(address);
        };
    }
}
