package dev.keyward.automation.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.HttpHeader;
import com.microsoft.playwright.options.SameSiteAttribute;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Fetches one hop of a request the route holds, as Playwright's {@code route.fetch} would (the request's method,
 * headers and body, no redirect followed), with the cookies the browser put on the request itself ({@link
 * #cookieHeader}) and a limit on the body. The answer's cookies are the browser's business when it gets the answer; only the caller knows
 * when it does not ({@link #keepCookies}). Playwright's fetch reads a whole body into its driver's memory whatever its size, so a page that
 * serves a huge or endless document, or a small compressed one that inflates without end, would exhaust the runner's
 * memory; here reading stops at the limit and the request is refused ({@link TooLarge}).
 */
final class RouteFetch {

    /**
     * The largest body the route reads, after decompression: far above a real provider page (a few MB at most) or an
     * image a page steers, far below what would strain the runner, which holds a body a few times over while it
     * rewrites and hands it on.
     */
    static final int LIMIT = 32 << 20;

    private static final Duration CONNECT = Duration.ofSeconds(15);
    /** How long one hop may take, answer and body: a body still arriving then is not read further. */
    private static final Duration TOTAL = Duration.ofSeconds(60);
    /** Request headers the client sets itself or this class replaces (the cookies: see {@link #cookieHeader}). */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "keep-alive", "transfer-encoding", "te", "trailer", "cookie", "accept-encoding", "proxy-connection",
            "proxy-authorization", "http2-settings");
    /** Direct, like Playwright's fetch for an allowed host (the context's proxy only takes unlisted hosts). */
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(CONNECT).version(HttpClient.Version.HTTP_1_1).proxy(HttpClient.Builder.NO_PROXY).build();
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "keyward-route-fetch-deadline");
        thread.setDaemon(true);
        return thread;
    });

    /** One hop's answer: status, headers in the order received (a name may repeat), the decoded body. */
    record Answer(int status, List<HttpHeader> headers, byte[] body) {

        /** The first value of a header, or null. */
        String header(String name) {
            return headers.stream().filter(h -> h.name.equalsIgnoreCase(name)).map(h -> h.value).findFirst()
                    .orElse(null);
        }

        /** This answer without the headers named {@code name}. */
        Answer without(String name) {
            return new Answer(status, headers.stream().filter(h -> !h.name.equalsIgnoreCase(name)).toList(), body);
        }

        /** This answer with its Location replaced by {@code absolute}. */
        Answer located(String absolute) {
            List<HttpHeader> out = new ArrayList<>(without("location").headers());
            HttpHeader location = new HttpHeader();
            location.name = "Location";
            location.value = absolute;
            out.add(location);
            return new Answer(status, out, body);
        }
    }

    /** A body longer than {@link #LIMIT}: reading stopped there. */
    static final class TooLarge extends Exception {
        private final long read;

        TooLarge(long read) {
            super("more than " + LIMIT + " bytes", null, false, false);
            this.read = read;
        }

        /** How many bytes had been read when reading stopped. */
        long read() {
            return read;
        }
    }

    private RouteFetch() {}

    /**
     * Sends the request (to {@code url}, when not null, with the same method and body) and reads its answer.
     *
     * @throws TooLarge    the body is longer than {@link #LIMIT}
     * @throws IOException the server could not be reached, the answer was malformed, or it took too long
     */
    static Answer fetch(BrowserContext context, Request request, String url) throws TooLarge, IOException {
        URI uri = URI.create(url == null ? request.url() : url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IOException("not an http or https address");
        }
        byte[] body = postData(request);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(TOTAL)
                .method(request.method(), body == null || body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        // The headers the browser gave the request (as Playwright's own fetch takes them: the full list may wait for
        // the request to be sent, which it is not while the route holds it).
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith(":") || NOT_FORWARDED.contains(name)
                    || name.equals("authorization") && !sameOrigin(uri, URI.create(request.url()))) {
                // A browser drops Authorization when a redirect leaves the origin (Fetch standard).
                continue;
            }
            try {
                builder.header(header.getKey(), header.getValue());
            } catch (IllegalArgumentException e) {
                // A header the client refuses to set (it sets it itself): the browser's value is not needed.
            }
        }
        // Uncompressed: the body is searched and rewritten here, and its size is what is limited.
        builder.header("Accept-Encoding", "identity");
        String cookies = cookieHeader(context, request, uri);
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies);
        }
        HttpResponse<InputStream> response;
        try {
            response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        List<HttpHeader> headers = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : response.headers().map().entrySet()) {
            if (entry.getKey().startsWith(":")) {
                continue;
            }
            for (String value : entry.getValue()) {
                HttpHeader header = new HttpHeader();
                header.name = entry.getKey();
                header.value = value;
                headers.add(header);
            }
        }
        byte[] read = read(response.body(), response.headers().firstValue("content-encoding").orElse(""));
        return new Answer(response.statusCode(), headers, read);
    }

    /** Reads a body up to the limit, decompressing gzip or deflate; a stream still open at the deadline is closed. */
    private static byte[] read(InputStream raw, String encoding) throws IOException, TooLarge {
        ScheduledFuture<?> deadline = DEADLINES.schedule(() -> closeQuietly(raw), TOTAL.toSeconds(), TimeUnit.SECONDS);
        try (InputStream in = decoded(raw, encoding.strip().toLowerCase(Locale.ROOT))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > LIMIT) {
                    throw new TooLarge(total);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            deadline.cancel(false);
            closeQuietly(raw);
        }
    }

    private static InputStream decoded(InputStream raw, String encoding) throws IOException {
        return switch (encoding) {
            case "", "identity" -> raw;
            case "gzip", "x-gzip" -> new GZIPInputStream(raw);
            case "deflate" -> new InflaterInputStream(raw);
            default -> throw new IOException("an encoding that was not asked for");
        };
    }

    private static byte[] postData(Request request) {
        try {
            return request.postDataBuffer();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // Closing to stop reading; nothing more to do.
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return String.valueOf(a.getScheme()).equalsIgnoreCase(String.valueOf(b.getScheme()))
                && String.valueOf(a.getHost()).equalsIgnoreCase(String.valueOf(b.getHost()))
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static boolean isIpAddress(String host) {
        return host.startsWith("[") || host.indexOf(':') >= 0 || host.matches("[0-9.]+");
    }

    /**
     * The Cookie header for this hop: the one the browser itself put on the request (Chromium reports it at
     * interception, after its credentials mode, SameSite, Secure, domain and path rules), never one rebuilt from the
     * context's cookies, which knows none of a request's credentials mode ({@code credentials: 'omit'}, an XHR
     * without {@code withCredentials}) or the site that sent it. A later hop the route follows itself gets those of
     * the browser's cookies that also belong to its address, and none at all on another origin: never a cookie the
     * browser did not send. A browser that does not report the header gets no cookies sent.
     */
    static String cookieHeader(BrowserContext context, Request request, URI uri) {
        String sent = request.headers().get("cookie");
        if (sent == null || sent.isBlank()) {
            return "";
        }
        URI first = URI.create(request.url());
        if (first.equals(uri)) {
            return sent;
        }
        if (!sameOrigin(first, uri)) {
            return "";
        }
        Set<String> browsers = new HashSet<>();
        for (String pair : sent.split(";")) {
            browsers.add(pair.strip());
        }
        StringBuilder out = new StringBuilder();
        for (Cookie cookie : context.cookies(uri.toString())) {
            String pair = cookie.name + "=" + cookie.value;
            if (sentTo(cookie, uri) && browsers.contains(pair)) {
                out.append(out.isEmpty() ? "" : "; ").append(pair);
            }
        }
        return out.toString();
    }

    /**
     * Whether the browser would send {@code cookie} to {@code uri} by its domain and path (RFC 6265 5.1.3, 5.1.4).
     * Playwright's cookie filter treats every domain as a domain cookie and matches paths by prefix, so a host-only
     * cookie of example.com went to x.example.com and a cookie of /foo to /foobar.
     */
    static boolean sentTo(Cookie cookie, URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String domain = cookie.domain == null ? "" : cookie.domain.toLowerCase(Locale.ROOT);
        boolean domainMatches = domain.startsWith(".")
                ? host.equals(domain.substring(1)) || host.endsWith(domain)
                : host.equals(domain);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String cookiePath = cookie.path == null || cookie.path.isEmpty() ? "/" : cookie.path;
        boolean pathMatches = path.equals(cookiePath) || path.startsWith(cookiePath)
                && (cookiePath.endsWith("/") || path.charAt(cookiePath.length()) == '/');
        return domainMatches && pathMatches;
    }

    /**
     * The cookies of an answer from {@code uri} that the browser never gets as that address's answer (a hop the
     * route follows itself), kept in the context no more loosely than the browser would keep them: they enter
     * through {@code addCookies}, past the browser's own checks, so {@link #cookie} makes those checks here. An
     * expired one (a deletion) removes the cookie it names.
     */
    static void keepCookies(BrowserContext context, URI uri, List<HttpHeader> headers) {
        for (HttpHeader header : headers) {
            if (!header.name.equalsIgnoreCase("set-cookie")) {
                continue;
            }
            Cookie cookie = cookie(header.value, uri);
            if (cookie == null) {
                continue;
            }
            try {
                if (cookie.expires != null && cookie.expires * 1000 <= System.currentTimeMillis()) {
                    context.clearCookies(new BrowserContext.ClearCookiesOptions().setName(cookie.name)
                            .setDomain(cookie.domain).setPath(cookie.path));
                } else {
                    context.addCookies(List.of(cookie));
                }
            } catch (RuntimeException e) {
                // A cookie the browser would refuse too (SameSite=None without Secure): not kept.
            }
        }
    }

    /**
     * One Set-Cookie value as a cookie for {@code uri}, or null where a browser would refuse it or this class does not
     * vouch for it: no name, a Secure cookie from a plain {@code http:} answer, or a {@code Domain} other than the
     * answer's own host. A browser takes a parent domain that is not a public suffix; without the public-suffix list
     * here, none is taken (stricter: such a cookie is lost, never stored for more hosts than the browser would).
     */
    static Cookie cookie(String header, URI uri) {
        String[] parts = header.split(";");
        int eq = parts[0].indexOf('=');
        if (eq <= 0 || uri.getHost() == null) {
            return null;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        Cookie cookie = new Cookie(parts[0].substring(0, eq).strip(), parts[0].substring(eq + 1).strip());
        String domain = null;
        String path = null;
        Double expires = null;
        Double maxAge = null;
        for (int i = 1; i < parts.length; i++) {
            int at = parts[i].indexOf('=');
            String name = (at < 0 ? parts[i] : parts[i].substring(0, at)).strip().toLowerCase(Locale.ROOT);
            String value = at < 0 ? "" : parts[i].substring(at + 1).strip();
            switch (name) {
                case "domain" -> domain = value.startsWith(".") ? value.substring(1).toLowerCase(Locale.ROOT)
                        : value.toLowerCase(Locale.ROOT);
                case "path" -> path = value.startsWith("/") ? value : null;
                case "secure" -> cookie.setSecure(true);
                case "httponly" -> cookie.setHttpOnly(true);
                case "samesite" -> {
                    switch (value.toLowerCase(Locale.ROOT)) {
                        case "strict" -> cookie.setSameSite(SameSiteAttribute.STRICT);
                        case "lax" -> cookie.setSameSite(SameSiteAttribute.LAX);
                        case "none" -> cookie.setSameSite(SameSiteAttribute.NONE);
                        default -> { }
                    }
                }
                case "max-age" -> {
                    try {
                        // Zero or less expires the cookie at once (RFC 6265 5.2.2).
                        long seconds = Long.parseLong(value);
                        maxAge = seconds <= 0 ? 0.0 : (double) (System.currentTimeMillis() / 1000 + seconds);
                    } catch (NumberFormatException e) {
                        // Not a number: ignored, as a browser ignores it.
                    }
                }
                case "expires" -> {
                    Long date = CookieDate.parse(value);
                    if (date != null) {
                        expires = (double) date;
                    }
                }
                default -> { }
            }
        }
        if (Boolean.TRUE.equals(cookie.secure) && !"https".equalsIgnoreCase(uri.getScheme())) {
            // A browser takes no Secure cookie from a plain http answer.
            return null;
        }
        if (domain != null && !domain.isEmpty()) {
            if (!host.equals(domain)) {
                return null;
            }
            // An address's own host: an IP address stays host-only (a browser gives it no domain cookie).
            cookie.setDomain(isIpAddress(host) ? host : "." + domain);
        } else {
            cookie.setDomain(host);
        }
        if (path == null) {
            String own = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            path = own.lastIndexOf('/') <= 0 ? "/" : own.substring(0, own.lastIndexOf('/'));
        }
        cookie.setPath(path);
        Double when = maxAge != null ? maxAge : expires;
        if (when != null) {
            cookie.setExpires(when);
        }
        return cookie;
    }
}
