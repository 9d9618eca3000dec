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
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The wall below Playwright's routing: a request leaves the browser only if the route let it go on, or it is the
 * next hop of a redirect of one that did and that hop's judge lets it go on.
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
 *
 * <p>Playwright routes no redirect hop, so this wall is the only place that sees every hop a browser follows (a
 * server may redirect a plain read twice, the second time to a delete address, or to another host). Each pass carries
 * the judge of its chain ({@link NavigationGuard.HopJudge}, from the route that let the first request on): a hop
 * the route did not judge itself is put to that judge with its own method, address and body, like a first request,
 * and fails unless the judge lets it on.
 */
public final class UnroutedRequests implements AutoCloseable {

    /** A pass the route gave but no request came to spend (the page cancelled it on the way) lapses after this. */
    private static final long PASS_LIFETIME_NANOS = 30_000_000_000L;
    /** Requests let through, kept so the next hop of their redirects is judged; the oldest are forgotten first. */
    private static final int REMEMBERED = 4096;

    private final CDPSession session;
    /** The browser whose one session this wall borrowed, or null when the wall has a session of its own. */
    private final LaunchedBrowser lentBy;
    private final Consumer<JsonObject> listener = this::decide;
    private final Map<String, ArrayDeque<Pass>> unspent = new HashMap<>();
    /** Requests let through, by the pause's id, with the judge of their redirect chain. */
    private final Map<String, NavigationGuard.HopJudge> letThrough = new LinkedHashMap<>();

    /** One request like this may pass until it lapses; {@code nextHops} judges where its redirects lead. */
    private record Pass(long at, NavigationGuard.HopJudge nextHops) {}

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
        // What speculation rules name is fetched where this wall cannot see it: the browser must not preload at all.
        BrowserPreloading.turnOff(browser);
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
        BrowserPreloading.turnOff(browser.browser());
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

    /**
     * The route lets the browser send this request: one request like it may pass the wall, and the hops its
     * redirects lead to are put to {@code nextHops}.
     */
    public synchronized void admit(String method, String url, byte[] body, NavigationGuard.HopJudge nextHops) {
        long now = System.nanoTime();
        unspent.computeIfAbsent(key(method, url, body), k -> new ArrayDeque<>()).add(new Pass(now, nextHops));
        if (unspent.size() > REMEMBERED) {
            unspent.values().removeIf(passes -> {
                passes.removeIf(pass -> now - pass.at() > PASS_LIFETIME_NANOS);
                return passes.isEmpty();
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
     * Whether a paused request goes through: one the inspector did not report never does (Playwright lets it out
     * unasked); any other needs a pass of its own, or is the next hop of a request that went through and the judge of
     * that chain lets it on. The judge may wait for a person (a hop that reads like an action is a checkpoint), so it
     * is asked outside this wall's lock.
     */
    private boolean goesThrough(String requestId, JsonObject event) {
        if (!event.has("networkId")) {
            return false;
        }
        JsonObject request = event.getAsJsonObject("request");
        if (!bodyReadable(request)) {
            // A Blob, File or stream part: DevTools (and so the route) never had its bytes, so what was judged and
            // shown is not what would leave.
            return false;
        }
        String method = request.get("method").getAsString();
        String url = request.get("url").getAsString();
        byte[] body = body(request);
        NavigationGuard.HopJudge previous = event.has("redirectedRequestId")
                ? chainOf(event.get("redirectedRequestId").getAsString()) : null;
        NavigationGuard.HopJudge chain;
        if (previous != null) {
            // A hop of a chain this wall let through is judged by that chain, never by a pass another request left.
            chain = previous.allow(method, url, body) ? previous.later() : null;
        } else {
            chain = spend(key(method, url, body));
        }
        if (chain != null) {
            remember(requestId, chain);
        }
        return chain != null;
    }

    /** Whether every part of the request's body came with its bytes (a body Chromium could not read has none). */
    static boolean bodyReadable(JsonObject request) {
        boolean has = request.has("hasPostData") && request.get("hasPostData").getAsBoolean();
        if (!has) {
            return true;
        }
        JsonElement entries = request.get("postDataEntries");
        if (entries == null || !entries.isJsonArray() || entries.getAsJsonArray().isEmpty()) {
            return false;
        }
        for (JsonElement entry : entries.getAsJsonArray()) {
            if (!entry.isJsonObject() || !entry.getAsJsonObject().has("bytes")) {
                return false;
            }
        }
        return true;
    }

    private synchronized NavigationGuard.HopJudge chainOf(String requestId) {
        return letThrough.get(requestId);
    }

    private synchronized void remember(String requestId, NavigationGuard.HopJudge chain) {
        letThrough.put(requestId, chain);
        if (letThrough.size() > REMEMBERED) {
            Iterator<String> oldest = letThrough.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** Spends a live pass for the request; the judge of its chain, or null when there is none. */
    private synchronized NavigationGuard.HopJudge spend(String key) {
        ArrayDeque<Pass> passes = unspent.get(key);
        long now = System.nanoTime();
        while (passes != null && !passes.isEmpty()) {
            Pass pass = passes.poll();
            if (now - pass.at() <= PASS_LIFETIME_NANOS) {
                if (passes.isEmpty()) {
                    unspent.remove(key);
                }
                return pass.nextHops();
            }
        }
        unspent.remove(key);
        return null;
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
