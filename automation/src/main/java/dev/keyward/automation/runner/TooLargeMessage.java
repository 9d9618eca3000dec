package dev.keyward.automation.runner;

import dev.keyward.automation.browser.NavigationGuard;
import java.util.Locale;

/** The sentence that stops a run whose page sent a body larger than the route reads: where from and how large. */
final class TooLargeMessage {

    private TooLargeMessage() {}

    /** Names the step, the host and path (never the query or the page's text) and the size, in MiB and bytes. */
    static String of(String stepId, NavigationGuard.TooLarge refused) {
        String what = "document".equals(refused.type()) ? "a page" : "a " + refused.type() + " response";
        return String.format(Locale.ROOT, "step '%s': %s from %s%s was larger than %d MiB (%,d bytes had arrived"
                        + " when Keyward stopped reading it), so it was not loaded and the run stopped.", stepId, what,
                refused.host(), refused.path(), NavigationGuard.BODY_LIMIT >> 20, refused.read());
    }
}
