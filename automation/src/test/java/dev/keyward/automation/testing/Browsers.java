package dev.keyward.automation.testing;

import dev.keyward.automation.browser.ChromiumLocator;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Browser tests need Chromium: without one they are skipped loudly, except under CI=true where they fail. */
public final class Browsers {

    private Browsers() {
    }

    public static void requireChromium() {
        if (ChromiumLocator.forProcess().available()) {
            return;
        }
        String message = "No Chromium found (install the chromium package or set " + ChromiumLocator.ENV_VARIABLE
                + "); the browser test is skipped.";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message + " Under CI=true a missing browser is a failure.");
        }
        System.err.println("SKIPPED LOUDLY: " + message);
        Assumptions.abort(message);
    }
}
