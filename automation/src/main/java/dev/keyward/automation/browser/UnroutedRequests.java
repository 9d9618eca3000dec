package dev.keyward.automation.browser;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.PlaywrightException;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The wall below Playwright's routing: a request leaves the browser only if the route let it go on (or it is the
 * next hop of a redirect of one that did).
 *
 * <p>Playwright 1.49 lets some requests out without calling any route: a paused request the browser's inspector did
 * not report (no {@code networkId}: a keep-alive {@code fetch} or a beacon made as a page is left), one whose frame it
 * does not know (a frame already detached when the request's pause reaches it), and every request of a target it is
 * not attached to (a shared worker's, and a dedicated worker's when Chromium runs workers outside their frame). The
 * pieces that would need a wall of their own (out-of-process iframes, popups before the runner hears of them,
 * workers, link prefetches) all load through Chromium's URL loader factories, and a {@code Fetch} session on the
 * <em>browser</em> target intercepts every one of them, for every target, in each loader factory made after it is
 * enabled (so it goes up before the run's first page), closer to the network than Playwright's own per-page
 * interception (Chromium chains the proxies frame first, then browser).
 * So one browser-wide session sees each request after Playwright has decided it: the route hands this wall a pass
 * ({@link #admit}) for each request it lets on, and the wall spends one pass per matching request (method, address,
 * body) and fails everything else as blocked by the client. A context whose requests do not go through a route sends
 * nothing while the wall is up: the wall belongs to a browser that carries one run at a time.
 */
public final class UnroutedRequests implements AutoCloseable {

    /** A pass the route gave but no request came to spend (the page cancelled it on the way) lapses after this. */
    private static final long PASS_LIFETIME_NANOS = 30_000_000_000L;
    /** Requests let through, kept so the next hop of their redirects may follow; the oldest are forgotten first. */
    private static final int REMEMBERED = 4096;

    private final CDPSession session;
    /** The browser whose one session this wall borrowed, or null when the wall has a session of its own. */
    private final LaunchedBrowser lentBy;
    private final Consumer<JsonObject> listener = this::decide;
    private final Map<String, ArrayDeque<Long>> unspent = new HashMap<>();
    private final Set<String> letThrough = new LinkedHashSet<>();

    private UnroutedRequests(CDPSession session, LaunchedBrowser lentBy) {
        this.session = session;
        this.lentBy = lentBy;
    }

    /**
     * Puts the wall up on the whole browser before the run's first page. A run must not go on without it: when the
     * browser refuses the session, this throws and nothing has been opened.
     *
     * @throws BrowserUnavailableException when the browser does not accept the wall
     */
    public static UnroutedRequests install(Browser browser) {
        CDPSession session = null;
        try {
            session = browser.newBrowserCDPSession();
            return enable(session, null);
        } catch (PlaywrightException e) {
            if (session != null) {
                detach(session);
            }
            throw refused(e);
        }
    }

    /**
     * As {@link #install(Browser)}, on the browser's one DevTools session, which stays attached from run to run:
     * taking the wall down disables interception on it ({@code Fetch.disable}) instead of detaching, which cost two
     * to four times as long, and the next run's wall needs no session of its own. The wall is the same: the same
     * interception on the same browser target, up before the run's first page and down after its context closed.
     *
     * @throws BrowserUnavailableException when the browser does not accept the wall
     */
    public static UnroutedRequests install(LaunchedBrowser browser) {
        CDPSession session;
        try {
            session = browser.takeWallSession();
        } catch (PlaywrightException e) {
            throw refused(e);
        }
        if (session == null) {
            // Another wall is up on this browser (a lent browser carries one run at a time): one of its own.
            return install(browser.browser());
        }
        try {
            return enable(session, browser);
        } catch (PlaywrightException e) {
            browser.returnWallSession(null);
            detach(session);
            throw refused(e);
        }
    }

    private static UnroutedRequests enable(CDPSession session, LaunchedBrowser lentBy) {
        UnroutedRequests wall = new UnroutedRequests(session, lentBy);
        session.on("Fetch.requestPaused", wall.listener);
        session.send("Fetch.enable", everyRequest());
        return wall;
    }

    private static BrowserUnavailableException refused(PlaywrightException e) {
        return new BrowserUnavailableException("The browser did not accept the request wall that keeps a page's"
                + " requests behind the run's gate, so the run did not start.", e);
    }

    /** The route lets the browser send this request: one request like it may pass the wall. */
    public synchronized void admit(String method, String url, byte[] body) {
        long now = System.nanoTime();
        unspent.computeIfAbsent(key(method, url, body), k -> new ArrayDeque<>()).add(now);
        if (unspent.size() > REMEMBERED) {
            unspent.values().removeIf(times -> {
                times.removeIf(at -> now - at > PASS_LIFETIME_NANOS);
                return times.isEmpty();
            });
        }
    }

    /** Takes the wall down (a lent browser goes back to its owner as it came). */
    @Override
    public void close() {
        if (lentBy == null) {
            detach(session);
            return;
        }
        session.off("Fetch.requestPaused", listener);
        try {
            session.send("Fetch.disable");
            lentBy.returnWallSession(session);
        } catch (PlaywrightException e) {
            // The browser is gone, or the session with it: the next wall starts a session of its own.
            lentBy.returnWallSession(null);
            detach(session);
        }
    }

    private void decide(JsonObject event) {
        String requestId = event.get("requestId").getAsString();
        JsonObject answer = new JsonObject();
        answer.addProperty("requestId", requestId);
        boolean through;
        try {
            through = goesThrough(requestId, event);
        } catch (RuntimeException e) {
            // A pause this wall cannot read is not let through.
            through = false;
        }
        if (!through) {
            answer.addProperty("errorReason", "BlockedByClient");
        }
        try {
            session.send(through ? "Fetch.continueRequest" : "Fetch.failRequest", answer);
        } catch (PlaywrightException e) {
            // The request or its page is gone already.
        }
    }

    /**
     * Whether a paused request went through the route: one the inspector did not report never did (Playwright lets
     * it out unasked); any other needs a pass of its own, or is the next hop of a request that had one (Playwright
     * routes no redirect hop; the context's host limits and the route's hop-by-hop fetching judge those).
     */
    private synchronized boolean goesThrough(String requestId, JsonObject event) {
        if (!event.has("networkId")) {
            return false;
        }
        boolean through = event.has("redirectedRequestId")
                && letThrough.contains(event.get("redirectedRequestId").getAsString())
                || spend(event.getAsJsonObject("request"));
        if (through) {
            letThrough.add(requestId);
            if (letThrough.size() > REMEMBERED) {
                Iterator<String> oldest = letThrough.iterator();
                oldest.next();
                oldest.remove();
            }
        }
        return through;
    }

    private boolean spend(JsonObject request) {
        String key = key(request.get("method").getAsString(), request.get("url").getAsString(), body(request));
        ArrayDeque<Long> times = unspent.get(key);
        long now = System.nanoTime();
        while (times != null && !times.isEmpty()) {
            if (now - times.poll() <= PASS_LIFETIME_NANOS) {
                if (times.isEmpty()) {
                    unspent.remove(key);
                }
                return true;
            }
        }
        unspent.remove(key);
        return false;
    }

    /** The body as Playwright reads it from the same pause: the bytes of every part that carries them, in order. */
    private static byte[] body(JsonObject request) {
        JsonElement entries = request.get("postDataEntries");
        if (entries == null || !entries.isJsonArray()) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (JsonElement entry : entries.getAsJsonArray()) {
            if (entry.isJsonObject() && entry.getAsJsonObject().has("bytes")) {
                bytes.writeBytes(Base64.getDecoder().decode(entry.getAsJsonObject().get("bytes").getAsString()));
            }
        }
        return bytes.size() == 0 ? null : bytes.toByteArray();
    }

    /** A request's method, address (without a fragment, which is never sent) and a digest of its body. */
    static String key(String method, String url, byte[] body) {
        int fragment = url.indexOf('#');
        String address = fragment < 0 ? url : url.substring(0, fragment);
        return method.toUpperCase(Locale.ROOT) + " " + address + " " + digest(body);
    }

    private static String digest(byte[] body) {
        if (body == null || body.length == 0) {
            return "-";
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static JsonObject everyRequest() {
        // Every resource type: prefetches and preflights included, which a type filter cannot name.
        JsonObject pattern = new JsonObject();
        pattern.addProperty("urlPattern", "*");
        pattern.addProperty("requestStage", "Request");
        JsonArray list = new JsonArray();
        list.add(pattern);
        JsonObject params = new JsonObject();
        params.add("patterns", list);
        return params;
    }

    private static void detach(CDPSession session) {
        try {
            session.detach();
        } catch (PlaywrightException e) {
            // The browser is gone: so is the session.
        }
    }
}
