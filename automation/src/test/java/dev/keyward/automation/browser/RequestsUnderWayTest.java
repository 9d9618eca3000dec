package dev.keyward.automation.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The hold script's count of the page's own requests under way, which the runner's quiet wait after the last step
 * reads: a fetch, a beacon and an XMLHttpRequest count from the call until their answer, so a write the last step set
 * off is decided before the run ends even when the route hears of it late (NetworkGateTest once ended SUCCESS for a
 * rejected purchase on a loaded machine).
 */
@RequiresChromium
class RequestsUnderWayTest {

    private static final String COUNT = "() => globalThis.__keywardRequestsUnderWay()";
    private static LaunchedBrowser browser;

    @BeforeAll
    static void launch() {
        browser = new BrowserLauncher(ChromiumLocator.forProcess()).launch(false);
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    @Test
    @Timeout(60)
    void fetchBeaconAndXhrCountUntilTheyAreAnswered() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        ExecutorService threads = Executors.newCachedThreadPool();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            byte[] body = "<!doctype html><title>t</title><p>page</p>".getBytes(StandardCharsets.UTF_8);
            if (exchange.getRequestURI().getPath().startsWith("/slow")) {
                try {
                    answer.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try (BrowserContext context = browser.browser().newContext()) {
            SocketHold.install(context, (url, text, size) -> true);
            Page page = context.newPage();
            page.navigate("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            assertEquals(0, count(page));

            page.evaluate("() => { fetch('/slow/fetch', {method: 'POST', body: 'a'}); navigator.sendBeacon('/slow/beacon', 'b');"
                    + " const x = new XMLHttpRequest(); x.open('POST', '/slow/xhr'); x.send('c'); }");
            assertEquals(3, count(page), "three requests under way until the server answers");

            answer.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (count(page) > 0 && System.nanoTime() < deadline) {
                page.waitForTimeout(20);
            }
            assertEquals(0, count(page), "none under way once answered");

            page.evaluate("() => { fetch('http://127.0.0.1:9/refused').catch(() => {}); }");
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (count(page) > 0 && System.nanoTime() < deadline) {
                page.waitForTimeout(20);
            }
            assertEquals(0, count(page), "a failed request is no longer under way");
        } finally {
            answer.countDown();
            server.stop(0);
            threads.shutdownNow();
        }
    }

    private static int count(Page page) {
        return ((Number) page.evaluate(COUNT)).intValue();
    }
}
