package dev.keyward.automation.runner;

import com.microsoft.playwright.Request;
import dev.keyward.automation.browser.NavigationGuard;
import dev.keyward.automation.browser.SocketHold;

/**
 * The runner's hook into the {@link NavigationGuard}: requests that only read pass, and every state-changing one (a
 * method other than GET, HEAD or OPTIONS: form posts, fetch, beacons) is read into a {@link HeldRequest} and waits
 * for the {@link WriteGate}'s answer; so does every WebSocket message (through the {@link SocketHold}), and one
 * to a host off the allowed domains is refused without a question.
 */
final class WriteHold implements NavigationGuard.RequestReview, SocketHold.SocketReview {

    private final WriteGate gate;
    private final RequestReader reader;
    private final NavigationGuard guard;

    WriteHold(WriteGate gate, RequestReader reader, NavigationGuard guard) {
        this.gate = gate;
        this.reader = reader;
        this.guard = guard;
    }

    @Override
    public boolean allow(String url, String text, int size) {
        return guard.allows(asHttp(url)) && gate.allow(reader.readWebSocket(url, text, size));
    }

    /** A socket's address as the page's HTTP address of the same host, for the domain policy. */
    static String asHttp(String url) {
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("wss://") ? "https://" + url.substring(6)
                : lower.startsWith("ws://") ? "http://" + url.substring(5) : url;
    }

    @Override
    public boolean allow(Request request) {
        return !RequestReader.isWrite(request) || gate.allow(reader.read(request));
    }
}
