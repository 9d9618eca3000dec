package dev.keyward.automation.runner;

import com.microsoft.playwright.Request;
import dev.keyward.automation.browser.NavigationGuard;
import dev.keyward.automation.browser.SocketHold;

/**
 * The runner's hook into the {@link NavigationGuard}: requests that only read pass, and every state-changing one (a
 * method other than GET, HEAD or OPTIONS: form posts, fetch, beacons; a GET whose address names an action, however
 * the page sent it: a GET form, a script's navigation, a meta refresh, an image; the next hop of a 307 or 308
 * redirect) is read into a {@link HeldRequest} and waits for the {@link WriteGate}'s answer; so does every
 * WebSocket message (through the {@link SocketHold}), and one to a host off the allowed domains is refused without
 * a question.
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
        if (RequestReader.isWrite(request)) {
            return gate.allow(reader.read(request));
        }
        return readOnly(reader.readGet(request));
    }

    @Override
    public boolean allowRedirect(Request request, String target, String method) {
        // The page a server sends the browser to after an approved write is its answer, not a new action; a GET a
        // redirect asks for (a page's or an image's next hop) is judged by its address like any other.
        return judgeHop(request, target, method, RequestReader.isWrite(request));
    }

    /** A hop after the answer: a 307 or 308 is judged like the first, a GET by its own address. */
    @Override
    public boolean allowLaterRedirect(Request request, String target, String method) {
        return judgeHop(request, target, method, false);
    }

    private boolean judgeHop(Request request, String target, String method, boolean answersAWrite) {
        HeldRequest next = reader.readRedirect(request, target, method);
        if (next.kind() == HeldRequest.Kind.REDIRECT) {
            // A 307 or 308: the body goes to another address, a new effect judged like the first.
            return gate.allow(next);
        }
        return answersAWrite || readOnly(next);
    }

    /** A GET passes unless its address names an action; then it is held like a write. */
    private boolean readOnly(HeldRequest read) {
        return read == null || RequestClassifier.readActs(read).isEmpty() || gate.allow(read);
    }
}
