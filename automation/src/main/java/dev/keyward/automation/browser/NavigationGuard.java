package dev.keyward.automation.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.HttpHeader;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Route interception for a browser context: every request whose URL fails the {@link DomainPolicy} is aborted
 * before it leaves the browser. Pages, frames, every request with a body and every subresource GET the page can steer
 * (see {@link #steerable}) are fetched here without following redirects, so a redirect off the allowed domains is
 * refused too, and each redirect is put to the review: a 307 or
 * 308 that re-sends a body to another address is a new request, sent from here only once approved, one hop at a
 * time (Playwright does not route redirect hops; the context's {@link HostLimits} make a later hop of a subresource
 * to an unlisted host fail to connect at all, and it is noticed as it happens). With a wall below that hears of what
 * the route lets on ({@link #onLetOn}), the route fetches only pages and frames, hands every redirect to the browser,
 * and the wall puts each later hop to the judge of its chain ({@link HopJudge}). With a
 * {@link RequestReview}, every request to an allowed host waits in the route until the review answers (the program
 * runner holds state-changing requests this way). What the route fetches it reads into memory through
 * {@link RouteFetch}, at most {@link #BODY_LIMIT} bytes of a body: a longer one is refused and remembered
 * ({@link #tooLargeSince}). Blocked top-level navigations are remembered so the step that
 * caused one fails with a clear error instead of continuing on a blank page.
 */
public final class NavigationGuard {

    /**
     * One request off the allowed domains.
     *
     * @param navigation it would have replaced the page
     * @param prevented  it never left the browser (false: a redirect hop seen only as it happened)
     */
    public record Blocked(String host, boolean navigation, boolean prevented) {}

    /**
     * A body the route refused to read past {@link RouteFetch#LIMIT}.
     *
     * @param host  where it came from
     * @param path  its path (no query), clipped
     * @param read  how many bytes had arrived when reading stopped
     * @param type  Playwright's resource type of the request ({@code document} for a page or a frame)
     */
    public record TooLarge(String host, String path, long read, String type) {}

    /** Decides a request to an allowed host while the page waits for it; false aborts the request. */
    @FunctionalInterface
    public interface RequestReview {
        /** Whether the request may leave the browser; called on Playwright's thread while the route holds it. */
        boolean allow(Request request);

        /**
         * Whether the browser may follow a redirect of an allowed request to {@code target} with {@code method}
         * (the original method and body for a 307 or 308, GET otherwise); routing never sees that next request.
         */
        default boolean allowRedirect(Request request, String target, String method) {
            return true;
        }

        /**
         * As {@link #allowRedirect}, for a hop after the first: the page a server sends the browser to after an
         * approved write is its answer, but where that answer redirects again is a new request, judged by itself.
         */
        default boolean allowLaterRedirect(Request request, String target, String method) {
            return allowRedirect(request, target, method);
        }
    }

    /** Subresource types the browser uses only once their whole body is in (see {@link #steerable}). */
    private static final Set<String> WHOLE_FILES = Set.of("image", "stylesheet", "script", "font",
            "texttrack", "manifest");

    /** The largest body the route reads into memory (see {@link RouteFetch#LIMIT}). */
    public static final int BODY_LIMIT = RouteFetch.LIMIT;

    /** Response headers that describe a connection or a body's framing, not the body handed to the browser. */
    private static final Set<String> HOP_BY_HOP = Set.of("content-length", "content-encoding", "transfer-encoding",
            "connection", "keep-alive", "trailer", "upgrade");

    /** A redirect chain longer than this is refused, as a browser refuses an endless one. */
    private static final int MAX_HOPS = 10;

    private final DomainPolicy policy;
    private final List<Blocked> blocked = new ArrayList<>();
    private final List<TooLarge> tooLarge = new ArrayList<>();
    private final Predicate<String> everyUrl = url -> true;
    private final Consumer<Route> handler = this::handle;
    private BrowserContext installedOn;
    private RequestReview review;
    /**
     * Told of each request the route lets the browser send, just before it does (see {@link UnroutedRequests}): one it
     * lets on unchanged, and the next hop of a redirect it answered and judged, which the browser follows itself.
     */
    private volatile LetOn letOn = (method, url, body, nextHops) -> { };
    /**
     * Whether a wall below hears of what the route lets on and judges every redirect hop the browser follows (see
     * {@link UnroutedRequests}); then the route fetches nothing but pages, and hands each redirect to the browser.
     */
    private volatile boolean wallBelow;

    /** Hears of a request the route lets the browser send. */
    @FunctionalInterface
    public interface LetOn {
        /** {@code body} is null for a request without one; {@code nextHops} judges where its redirects lead. */
        void request(String method, String url, byte[] body, HopJudge nextHops);
    }

    /**
     * Judges the next hop of a redirect chain the route let on, with the method, address and body the browser would
     * send it with: off the allowed domains it is refused, and otherwise it goes to the review like the first hop did.
     */
    @FunctionalInterface
    public interface HopJudge {
        /** Whether the browser may send this hop; {@code body} is null for a hop without one. */
        boolean allow(String method, String url, byte[] body);

        /** The judge of the hops after one this judge let on (by default the same). */
        default HopJudge later() {
            return this;
        }
    }

    /** {@link System#nanoTime()} of the last request the context asked for, to tell when a page has gone quiet. */
    private volatile long lastRequestAt = System.nanoTime();
    /**
     * Requests the route let the browser send that have not finished yet, and the hops of their redirects: the
     * browser sends them after the route returned (through the wall below), so a page is not quiet before they
     * arrive. Streams are left out: they may never finish.
     */
    private final Set<Request> underWay = ConcurrentHashMap.newKeySet();
    /** Request types that may stay open as long as their page: a run is not kept waiting for them. */
    private static final Set<String> STREAMS = Set.of("eventsource", "media", "websocket");

    /** A guard for {@code policy}; it intercepts nothing until {@link #install} is called. */
    public NavigationGuard(DomainPolicy policy) {
        this.policy = policy;
    }

    /** Intercepts every request of the context from now on. */
    public void install(BrowserContext context) {
        context.route(everyUrl, handler);
        context.onRequest(this::noticeRequest);
        context.onRequestFinished(underWay::remove);
        context.onRequestFailed(underWay::remove);
        installedOn = context;
    }

    /** From now on, every request to an allowed host waits for {@code requestReview}. */
    public void holdRequests(RequestReview requestReview) {
        this.review = requestReview;
    }

    /**
     * From now on, {@code listener} hears of each request the route lets on, before the browser sends it, with the
     * judge of every hop its redirects lead to; the listener is a wall that puts each such hop to that judge
     * ({@link UnroutedRequests}), so the route no longer follows redirects itself.
     */
    public void onLetOn(LetOn listener) {
        this.letOn = listener;
        this.wallBelow = true;
    }

    /** Whether the policy admits a URL the caller itself is about to open. */
    public boolean allows(String url) {
        return policy.allows(url);
    }

    /** The allowed domains, for messages. */
    public List<String> allowedDomains() {
        return policy.allowedDomains();
    }

    /** A position in the blocked list, to ask later what was blocked since. */
    public synchronized int mark() {
        return blocked.size();
    }

    /** Top-level navigations off the allowed domains since {@code mark}. */
    public synchronized List<Blocked> navigationsBlockedSince(int mark) {
        return blocked.subList(mark, blocked.size()).stream().filter(Blocked::navigation).toList();
    }

    /** {@link System#nanoTime()} when the context last asked for a request (any request, any hop). */
    public long lastRequestAt() {
        return lastRequestAt;
    }

    /** Whether a request the route let on (or a hop of its redirects) is still on its way or being answered. */
    public boolean lettingOn() {
        return !underWay.isEmpty();
    }

    private void track(Request request) {
        if (!STREAMS.contains(request.resourceType())) {
            underWay.add(request);
        }
    }

    /** How many bodies were refused for their size so far, to ask later what was refused since. */
    public synchronized int tooLargeMark() {
        return tooLarge.size();
    }

    /** Bodies refused for their size since {@code mark}, in order. */
    public synchronized List<TooLarge> tooLargeSince(int mark) {
        return List.copyOf(tooLarge.subList(mark, tooLarge.size()));
    }

    /** Every request blocked so far, in order. */
    public synchronized List<Blocked> allBlocked() {
        return List.copyOf(blocked);
    }

    private void handle(Route route) {
        Request request = route.request();
        if (!policy.allows(request.url())) {
            block(request.url(), request, true);
            route.abort("blockedbyclient");
            return;
        }
        if (review != null && !review.allow(request)) {
            route.abort("blockedbyclient");
            return;
        }
        boolean resendsBody = resendsBody(request.method());
        boolean page = "document".equals(request.resourceType());
        if (installedOn == null || !page && !resendsBody && (wallBelow || !steerable(request))) {
            // With the wall below, the browser sends every read but a page itself, with its own cookies and
            // credentials mode, and the wall judges each hop its redirects lead to. A write is sent from here with
            // exactly the bytes that were judged and shown: a body part DevTools cannot read (a Blob, a File, a
            // stream) reaches neither the route nor the wall, and the browser would send it unseen.
            letOn.request(request.method(), request.url(), request.postDataBuffer(), nextHops(request, true));
            track(request);
            route.resume();
            return;
        }
        // Pages, every request with a body and the subresources a page can steer are fetched here one hop at a
        // time: the browser would follow a redirect where no route sees it (an image at /go?next=/account/delete
        // whose 302 opens the delete address), and a 307 or 308 re-sends the body to the new address.
        String method = request.method();
        String url = request.url();
        RouteFetch.Answer response = fetch(route, request, null);
        for (int hop = 0; response != null; hop++) {
            String location = response.status() >= 300 && response.status() < 400 ? response.header("location") : null;
            if (location == null) {
                break;
            }
            String target = resolve(url, location);
            if (!policy.allows(target)) {
                block(target, request, true);
                response = refuse(route);
                break;
            }
            String next = methodAfterRedirect(response.status(), method);
            boolean keepsBody = resendsBody && next.equalsIgnoreCase(method);
            if (review != null && !review.allowRedirect(request, target, next)) {
                response = refuse(route);
                break;
            }
            if (!keepsBody || wallBelow) {
                // The browser follows this redirect itself (the wall below judges the hops after it).
                // The route judged this hop (the answer of a write, when it is one); what it redirects to is judged by itself.
                letOn.request(next, target, keepsBody ? request.postDataBuffer() : null, nextHops(request, false));
                if (!url.equals(request.url())) {
                    // Another address's answer, handed on as the first one's: the browser would resolve a relative
                    // Location against the first address, not the one judged.
                    response = response.located(target);
                }
                break;
            }
            // The approved hop is sent from here, so the hop after it is seen and judged too. The browser never sees
            // this answer: its cookies are kept here, by the browser's rules.
            RouteFetch.keepCookies(installedOn, URI.create(url), response.headers());
            response = hop < MAX_HOPS ? fetch(route, request, target) : refuse(route);
            url = target;
        }
        if (response != null && url != null && !url.equals(request.url())) {
            // Another address answered: handed on as this request's answer, the browser would keep its cookies for
            // the first address, so they are kept here for the address that set them.
            RouteFetch.keepCookies(installedOn, URI.create(url), response.headers());
            response = response.without("set-cookie");
        }
        if (response != null) {
            try {
                Route.FulfillOptions answer = new Route.FulfillOptions().setStatus(response.status());
                if ("document".equals(request.resourceType())) {
                    asRunPage(response, answer);
                } else {
                    answer.setHeaders(headers(response, false)).setBodyBytes(response.body());
                }
                route.fulfill(answer);
            } catch (PlaywrightException e) {
                // The page went away while its request was fetched; there is no one left to answer.
            }
        }
    }

    /**
     * The answer's headers for the browser, a repeated one joined (Set-Cookie one value per line, as Playwright
     * splits it). The body handed on is the whole decoded one: its old length, encoding and framing no longer
     * describe it.
     */
    private static Map<String, String> headers(RouteFetch.Answer response, boolean skipContentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (HttpHeader header : response.headers()) {
            String name = header.name.toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(name) || skipContentType && name.equals("content-type")) {
                continue;
            }
            headers.merge(name, header.value, (a, b) -> name.equals("set-cookie") ? a + "\n" + b : a + ", " + b);
        }
        return headers;
    }

    /**
     * A page as a run gets it: its Content-Security-Policy admitting the run's {@code blob:} workers when it restricts
     * workers (see {@link WorkerPolicy}), and no speculation rules, neither the {@code Speculation-Rules} header nor
     * a rule script in its markup (see {@link SpeculationRules}): what they prefetch never passes this route.
     */
    private static void asRunPage(RouteFetch.Answer response, Route.FulfillOptions answer) {
        List<String> contentTypes = new ArrayList<>();
        for (HttpHeader header : response.headers()) {
            if (header.name.equalsIgnoreCase("content-type")) {
                contentTypes.add(header.value);
            }
        }
        Map<String, String> headers = headers(response, true);
        headers.remove(SpeculationRules.HEADER);
        headers.computeIfPresent("content-security-policy", (name, value) -> WorkerPolicy.admitBlobWorkers(value));
        Optional<SpeculationRules.Document> inert = isMarkup(contentTypes)
                ? SpeculationRules.inert(response.body(), contentTypes) : Optional.empty();
        // The Content-Type the rules were looked for under is the one the browser gets (one value, or none).
        String contentType = inert.isPresent() ? inert.get().contentType()
                : contentTypes.isEmpty() ? null : String.join(", ", contentTypes);
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        answer.setHeaders(headers).setBodyBytes(inert.map(SpeculationRules.Document::body).orElse(response.body()));
    }

    /** Whether a document's type is one a browser may parse as markup (no type at all is sniffed). */
    private static boolean isMarkup(List<String> contentTypes) {
        String type = DocumentEncoding.contentType(contentTypes).mime();
        return type.isEmpty() || type.contains("html") || type.contains("xml") || type.contains("unknown");
    }

    /**
     * Fetches the request (at {@code url}, when not null) without following redirects; null after aborting it. A body
     * over {@link RouteFetch#LIMIT} is not read further: the request is refused and remembered, and the step that
     * caused it fails ({@link #tooLargeSince}).
     */
    private RouteFetch.Answer fetch(Route route, Request request, String url) {
        try {
            return RouteFetch.fetch(installedOn, request, url);
        } catch (RouteFetch.TooLarge e) {
            synchronized (this) {
                tooLarge.add(new TooLarge(hostOf(url == null ? request.url() : url), pathOf(url == null ? request.url()
                        : url), e.read(), request.resourceType()));
            }
            abort(route, "blockedbyclient");
            return null;
        } catch (IOException | RuntimeException e) {
            abort(route, "failed");
            return null;
        }
    }

    private static RouteFetch.Answer refuse(Route route) {
        abort(route, "blockedbyclient");
        return null;
    }

    private static void abort(Route route, String reason) {
        try {
            route.abort(reason);
        } catch (PlaywrightException e) {
            // The page went away while its request was fetched.
        }
    }

    /**
     * A GET of a subresource the browser takes whole (an image, a style sheet, a script, a font) whose address is
     * not a plain static file: one with a query, or a path without a static-file ending. Only such an address can
     * carry a redirect the page chose ({@code /go?next=/account/delete}); where {@code /logo.png} leads is the
     * server's own business, like anything else it does with a request. Streams (an EventSource, media, fetch
     * and XHR) are never fetched here: the route's fetch waits for the whole body, which would stop a live feed.
     */
    private static boolean steerable(Request request) {
        if (!"GET".equalsIgnoreCase(request.method()) || !WHOLE_FILES.contains(request.resourceType())) {
            return false;
        }
        try {
            URI uri = URI.create(request.url());
            return uri.getRawQuery() != null || !StaticFiles.isStaticPath(uri.getRawPath());
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /** Whether a 307 or 308 would send the request's body again (every method but GET, HEAD and OPTIONS). */
    /**
     * The method a browser follows a redirect with (Fetch standard, HTTP-redirect fetch): a 303 turns anything but
     * HEAD into GET, a 301 or 302 turns a POST into GET, and every other redirect keeps the method and its body.
     */
    static String methodAfterRedirect(int status, String method) {
        if (status == 303 && !"HEAD".equalsIgnoreCase(method)
                || (status == 301 || status == 302) && "POST".equalsIgnoreCase(method)) {
            return "GET";
        }
        return method;
    }

    private static boolean resendsBody(String method) {
        return !"GET".equalsIgnoreCase(method) && !"HEAD".equalsIgnoreCase(method) && !"OPTIONS".equalsIgnoreCase(method);
    }

    /**
     * Redirect hops never reach the route handler; without a wall below to judge them (it refuses one off the allowed
     * domains before it leaves), one off the allowed domains is at least noticed.
     */
    private void noticeRequest(Request request) {
        lastRequestAt = System.nanoTime();
        if (wallBelow && request.redirectedFrom() != null) {
            // A hop the browser follows by itself: the wall judges it, and the page waits for its answer.
            track(request);
        }
        if (installedOn != null && !wallBelow && request.redirectedFrom() != null && !policy.allows(request.url())) {
            block(request.url(), request, false);
        }
    }

    /**
     * The judge of the hops a redirect of {@code request} leads to, as the route judges the first one: off the
     * allowed domains refused (and remembered, as a blocked navigation when it would have replaced the page), and
     * otherwise put to the review with the method the browser follows it with. Only the first hop after a write may
     * be its answer ({@code firstIsAnswer}); every later one is judged by itself.
     */
    private HopJudge nextHops(Request request, boolean firstIsAnswer) {
        return new HopJudge() {
            @Override
            public boolean allow(String method, String url, byte[] body) {
                if (!policy.allows(url)) {
                    block(url, request, true);
                    return false;
                }
                RequestReview current = review;
                return current == null || (firstIsAnswer
                        ? current.allowRedirect(request, url, method)
                        : current.allowLaterRedirect(request, url, method));
            }

            @Override
            public HopJudge later() {
                return firstIsAnswer ? nextHops(request, false) : this;
            }
        };
    }

    private synchronized void block(String url, Request request, boolean prevented) {
        blocked.add(new Blocked(hostOf(url), request.isNavigationRequest() && isTopLevel(request), prevented));
    }

    private static String resolve(String base, String location) {
        try {
            return URI.create(base).resolve(location.strip()).toString();
        } catch (IllegalArgumentException e) {
            return location;
        }
    }

    private static boolean isTopLevel(Request request) {
        try {
            Frame frame = request.frame();
            return frame != null && frame.parentFrame() == null;
        } catch (RuntimeException e) {
            // Requests of service workers have no frame; treat them as not replacing the page.
            return false;
        }
    }

    /** The path of a URL for messages (no query), clipped, or "/" when it has none. */
    static String pathOf(String url) {
        try {
            String path = URI.create(url).getRawPath();
            path = path == null || path.isEmpty() ? "/" : path;
            return path.length() <= 80 ? path : path.substring(0, 80) + "…";
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }

    /** The host of a URL for messages, or a placeholder when it has none. */
    public static String hostOf(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "(no host)" : host;
        } catch (IllegalArgumentException e) {
            return "(unreadable address)";
        }
    }
}
