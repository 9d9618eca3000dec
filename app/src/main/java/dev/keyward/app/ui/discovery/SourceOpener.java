package dev.keyward.app.ui.discovery;

import dev.keyward.vault.process.ChildEnvironment;
import dev.keyward.vault.process.SystemPrograms;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
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
            List<String> command = openerCommand(address, System.getProperty("os.name", ""), System.getenv(),
                    java.nio.file.Files::isExecutable)
                    .orElseThrow(() -> new IOException("This system offers Keyward no browser opener; copy the address"
                            + " instead."));
            Process opener;
            try {
                opener = ChildEnvironment.processBuilder(command)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
            } catch (IOException e) {
                throw new IOException("This system offers Keyward no browser to open; copy the address instead.", e);
            }
            opener.getOutputStream().close();
        };
    }

    /**
     * The platform's command that opens {@code address} in the default browser, by the opener's
     * absolute path (never a bare name looked up in PATH), or empty when the opener is absent.
     */
    static java.util.Optional<List<String>> openerCommand(URI address, String osName, java.util.Map<String, String> env,
                                                          java.util.function.Predicate<Path> present) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String root = env.getOrDefault("SystemRoot", "C:\\Windows");
            // SystemRoot is set by Windows itself; the path is checked where it is used.
            return java.util.Optional.of(Path.of(root, "System32", "rundll32.exe")).filter(present)
                    .map(p -> List.of(p.toString(), "url.dll,FileProtocolHandler", address.toString()));
        }
        List<Path> candidates = os.contains("mac") ? List.of(Path.of("/usr/bin/open"))
                : List.of(Path.of("/usr/bin/xdg-open"), Path.of("/bin/xdg-open"));
        return SystemPrograms.find(candidates, present).map(p -> List.of(p.toString(), address.toString()));
    }
}
