package dev.keyward.automation.runner;

import com.microsoft.playwright.Request;
import dev.keyward.automation.browser.NavigationGuard;

/**
 * The runner's hook into the {@link NavigationGuard}: requests that only read pass, and every state-changing one (a
 * method other than GET, HEAD or OPTIONS: form posts, fetch, beacons) is read into a {@link HeldRequest} and waits
 * for the {@link WriteGate}'s answer.
 */
final class WriteHold implements NavigationGuard.RequestReview {

    private final WriteGate gate;
    private final RequestReader reader;

    WriteHold(WriteGate gate, RequestReader reader) {
        this.gate = gate;
        this.reader = reader;
    }

    @Override
    public boolean allow(Request request) {
        return !RequestReader.isWrite(request) || gate.allow(reader.read(request));
    }
}
