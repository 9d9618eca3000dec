package dev.keyward.automation.browser;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import java.util.List;

/**
 * Refuses every request of a run's pages that Playwright's routing would let out without asking the route.
 *
 * <p>Playwright 1.49 continues, unrouted, a paused request that the browser's inspector did not report
 * ({@code Fetch.requestPaused} without a {@code networkId}: "continue the request to not affect it") and one whose
 * frame it no longer knows. A {@code fetch} with {@code keepalive} or a {@code navigator.sendBeacon} made while a
 * page is being left is such a request: no route handler ever saw it, and it reached the server past a rejection
 * (corpus {@code s06}, {@code s13}, and {@code s23} whenever the page got hold of a frame's native {@code fetch}).
 * The init script turns those calls into ordinary requests, which end with their page; this wall does not depend
 * on it. Each page of the context gets a DevTools session of its own with request interception on the resource
 * types a script can send (fetch, XHR, beacons and pings, prefetches, other), and a request arriving there without
 * a {@code networkId} is failed as blocked by the client; every other request is let on to Playwright's routing,
 * which judges it. A page that cannot be watched is closed.
 */
public final class UnroutedRequests {

    /**
     * Resource types a page's script can send or that outlive it (a keep-alive fetch or beacon made as a page is
     * left is paused as {@code XHR}); documents and static subresources stay with the route alone. Chromium's
     * interception filter knows fewer types than its network log ({@code Prefetch}, {@code Preflight} and
     * {@code Manifest} are refused by {@code Fetch.enable}).
     */
    private static final List<String> SENDABLE = List.of("Fetch", "XHR", "Ping", "Other", "EventSource",
            "CSPViolationReport", "Media");

    private UnroutedRequests() {
    }

    /** Watches every page the context opens from now on (install before the first page). */
    public static void install(BrowserContext context) {
        context.onPage(page -> watch(context, page));
    }

    private static void watch(BrowserContext context, Page page) {
        try {
            CDPSession session = context.newCDPSession(page);
            session.on("Fetch.requestPaused", event -> decide(session, event));
            session.send("Fetch.enable", patterns());
        } catch (PlaywrightException e) {
            // A page that cannot be watched is not used: closed, it sends nothing (and a step on it fails).
            try {
                page.close();
            } catch (PlaywrightException closing) {
                // Already gone.
            }
        }
    }

    private static void decide(CDPSession session, JsonObject event) {
        JsonObject answer = new JsonObject();
        answer.addProperty("requestId", event.get("requestId").getAsString());
        try {
            if (event.has("networkId")) {
                session.send("Fetch.continueRequest", answer);
            } else {
                // Playwright would let this one out without a route: it never reaches the gate, so it never leaves.
                answer.addProperty("errorReason", "BlockedByClient");
                session.send("Fetch.failRequest", answer);
            }
        } catch (PlaywrightException e) {
            // The request or its page is gone already.
        }
    }

    private static JsonObject patterns() {
        JsonArray list = new JsonArray();
        for (String type : SENDABLE) {
            JsonObject pattern = new JsonObject();
            pattern.addProperty("urlPattern", "*");
            pattern.addProperty("resourceType", type);
            pattern.addProperty("requestStage", "Request");
            list.add(pattern);
        }
        JsonObject params = new JsonObject();
        params.add("patterns", list);
        return params;
    }
}
