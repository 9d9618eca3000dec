package dev.keyward.automation.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import dev.keyward.automation.browser.BrowserLauncher;
import dev.keyward.automation.browser.ChromiumLocator;
import dev.keyward.automation.browser.DomainPolicy;
import dev.keyward.automation.browser.HostLimits;
import dev.keyward.automation.browser.LaunchedBrowser;
import dev.keyward.automation.browser.NavigationGuard;
import dev.keyward.automation.browser.RequiresChromium;
import dev.keyward.automation.browser.UnroutedRequests;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every hop a browser follows is judged like a first request, with the method it is followed with, whatever sent the
 * first one: Playwright routes no redirect hop, so a server that redirects a plain request twice on its own (no
 * address in either query) reached a delete address unjudged. The route judges the first hop and the wall below it
 * ({@link UnroutedRequests}) each one after. Here the review refuses any hop to {@code /account/delete}, and the
 * server's log shows whether it arrived.
 */
@RequiresChromium
class EveryRedirectHopJudgedTest {

    /** The browser and its context may reach both names of the server; the run's policy allows only the first. */
    private static final List<String> REACHABLE = List.of("127.0.0.1", "localhost");
    private static LaunchedBrowser browser;

    @BeforeAll
    static void launch() {
        browser = new BrowserLauncher(ChromiumLocator.forProcess()).launch(false, new HostLimits(REACHABLE));
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    /** What sends the first request, each followed by a server's own two redirects ending on the delete address. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "location.href = '/next'",
            "fetch('/next')",
            "(() => { const x = new XMLHttpRequest(); x.open('GET', '/next'); x.send(); })()",
            "new Image().src = '/next'",
            "(() => { const f = document.createElement('form'); f.method = 'post'; f.action = '/next'; document.body.append(f); f.submit(); })()",
            "fetch('/next', {method: 'POST', body: 'theme=dark'})",
            "new Worker(URL.createObjectURL(new Blob([`fetch('${location.origin}/next')`], {type: 'text/javascript'})))",
    })
    void aServersSecondRedirectToADeleteAddressIsJudgedAndRefused(String send) throws Exception {
        try (RecordingServer server = new RecordingServer()) {
            server.page("/start", "<!doctype html><body><p id=\"ready\">ready</p></body>");
            boolean keepsBody = send.contains("POST") && send.contains("fetch");
            server.redirect("/next", keepsBody ? "307 /next/step" : "/next/step");
            server.redirect("/next/step", "307 /account/delete");
            List<String> judged = new CopyOnWriteArrayList<>();
            try (Guarded guarded = guarded(judged, List.of("127.0.0.1"))) {
                Page page = guarded.context().newPage();
                page.navigate(server.base() + "/start");
                page.evaluate("() => { " + send + "; }");
                awaitArrival(page, server, "/next/step");
                page.waitForTimeout(700);
            }
            assertFalse(server.received("GET", "/next/step").isEmpty() && server.received("POST", "/next/step").isEmpty(),
                    "the chain ran: " + server.received());
            assertEquals(List.of(), server.received().stream().filter(r -> r.path().equals("/account/delete")).toList());
            assertTrue(judged.stream().anyMatch(j -> j.endsWith(" /account/delete")), "judged: " + judged);
            String method = keepsBody ? "POST" : "GET";
            assertTrue(judged.contains(method + " /account/delete"), "followed with its method: " + judged);
        }
    }

    @Test
    void aChainThatEndsOnAnUnlistedHostIsRefusedBeforeItLeaves() throws Exception {
        try (RecordingServer server = new RecordingServer()) {
            server.page("/start", "<!doctype html><body><a id=\"go\" href=\"/next\">Next</a></body>");
            server.redirect("/next", "/next/step");
            server.redirect("/next/step", server.unlistedBase() + "/landing");
            List<String> judged = new CopyOnWriteArrayList<>();
            try (Guarded guarded = guarded(judged, List.of("127.0.0.1"))) {
                Page page = guarded.context().newPage();
                page.navigate(server.base() + "/start");
                page.click("#go");
                awaitArrival(page, server, "/next/step");
                page.waitForTimeout(700);
                assertEquals(List.of(), server.toUnlistedHost());
                assertTrue(guarded.guard().allBlocked().stream()
                        .anyMatch(b -> b.host().equals("localhost") && b.navigation() && b.prevented()),
                        "blocked: " + guarded.guard().allBlocked());
            }
        }
    }

    @Test
    void aChainOfReadsIsJudgedAtEveryHopAndArrives() throws Exception {
        try (RecordingServer server = new RecordingServer()) {
            server.page("/start", "<!doctype html><body><a id=\"go\" href=\"/next\">Next</a></body>");
            server.page("/done", "<!doctype html><body><p id=\"done\">done</p></body>");
            server.redirect("/next", "/next/step");
            server.redirect("/next/step", "307 /next/again");
            server.redirect("/next/again", "/done");
            List<String> judged = new CopyOnWriteArrayList<>();
            try (Guarded guarded = guarded(judged, List.of("127.0.0.1"))) {
                Page page = guarded.context().newPage();
                page.navigate(server.base() + "/start");
                page.click("#go");
                page.waitForSelector("#done");
            }
            assertEquals(List.of("GET /next/step", "GET /next/again", "GET /done"), judged);
        }
    }

    /**
     * A body part DevTools cannot read (a Blob) never reaches the route's review or the wall, so what a person would
     * be shown is a write without fields: the bytes sent are exactly those judged, and the hidden ones never leave.
     */
    @Test
    void aWritesBodyTheReviewCouldNotReadNeverLeaves() throws Exception {
        try (RecordingServer server = new RecordingServer()) {
            server.page("/start", "<!doctype html><body><p id=\"ready\">ready</p></body>");
            List<String> judged = new CopyOnWriteArrayList<>();
            try (Guarded guarded = guarded(judged, List.of("127.0.0.1"))) {
                Page page = guarded.context().newPage();
                page.navigate(server.base() + "/start");
                page.evaluate("() => fetch('/api/email', {method: 'POST', body: new Blob(['email=attacker%40example.test'],"
                        + " {type: 'application/x-www-form-urlencoded'})}).catch(() => null)");
                awaitArrival(page, server, "/api/email");
                page.waitForTimeout(300);
            }
            boolean shown = judged.stream().anyMatch(j -> j.contains("attacker"));
            boolean sent = server.received().stream().anyMatch(r -> r.body() != null && r.body().contains("attacker"));
            assertTrue(shown || !sent, "bytes the review never saw left: judged " + judged + ", sent " + server.received());
            assertTrue(shown, "judged " + judged);
        }
    }

    /** Waits in the page (Playwright hands its events to the route and the wall only while a call waits). */
    private static void awaitArrival(Page page, RecordingServer server, String path) {
        for (int i = 0; i < 100 && server.received().stream().noneMatch(r -> r.path().equals(path)); i++) {
            page.waitForTimeout(50);
        }
    }

    /** A context under the route and the wall; the review lets every first request on, and no hop to a delete. */
    private static Guarded guarded(List<String> judged, List<String> allowed) {
        UnroutedRequests wall = UnroutedRequests.install(browser.browser());
        BrowserContext context = browser.newContext(new HostLimits(REACHABLE));
        NavigationGuard guard = new NavigationGuard(new DomainPolicy(allowed));
        guard.install(context);
        guard.onLetOn(wall::admit);
        guard.holdRequests(new NavigationGuard.RequestReview() {
            @Override
            public boolean allow(Request request) {
                if (request.postData() != null) {
                    judged.add("BODY " + request.postData());
                }
                return true;
            }

            @Override
            public boolean allowRedirect(Request request, String target, String method) {
                String path = URI.create(target).getPath();
                judged.add(method + " " + path);
                return !path.equals("/account/delete");
            }
        });
        return new Guarded(context, guard, wall);
    }

    /** A guarded context and the browser's wall, closed together as a run closes them. */
    private record Guarded(BrowserContext context, NavigationGuard guard, UnroutedRequests wall)
            implements AutoCloseable {
        @Override
        public void close() {
            context.close();
            wall.close();
        }
    }
}
