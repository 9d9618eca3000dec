package dev.keyward.app.ui.discovery;

import dev.keyward.vault.process.ChildEnvironment;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Opens a finding's source address outside Keyward. The page hands it only addresses that
 * {@link SourceAddress} accepted; tests put in one that records the address instead.
 */
@FunctionalInterface
public interface SourceOpener {

    /** Opens {@code address}; called on a background thread, since a browser can take its time to answer. */
    void open(URI address) throws IOException;

    /**
     * The system's default browser, started through the platform's opener ({@code xdg-open},
     * {@code open}, or the Windows URL handler) with {@link ChildEnvironment}'s environment.
     * AWT's {@code Desktop.browse} is not used: the browser it starts inherits Keyward's whole
     * environment, {@code KEYWARD_PASSWORD} included.
     */
    static SourceOpener systemBrowser() {
        return address -> {
            Process opener;
            try {
                opener = ChildEnvironment.processBuilder(openerCommand(address))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
            } catch (IOException e) {
                throw new IOException("This system offers Keyward no browser to open; copy the address instead.", e);
            }
            opener.getOutputStream().close();
        };
    }

    /** The platform's command that opens {@code address} in the default browser. */
    static List<String> openerCommand(URI address) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return List.of("rundll32", "url.dll,FileProtocolHandler", address.toString());
        }
        if (os.contains("mac")) {
            return List.of("open", address.toString());
        }
        return List.of("xdg-open", address.toString());
    }
}
