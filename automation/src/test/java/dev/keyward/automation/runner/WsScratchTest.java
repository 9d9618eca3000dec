package dev.keyward.automation.runner;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.keyward.automation.browser.HostLimits;
import dev.keyward.automation.browser.LaunchedBrowser;
import dev.keyward.automation.browser.SocketHold;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WsScratchTest {
    @Test
    void scratch() throws Exception {
        List<RecordingServer.Received> log = new ArrayList<>();
        java.util.Map<String, String> pages = new java.util.HashMap<>();
        try (RecordingServer s = new RecordingServer("main", log, pages, Map.of()).withWebSocket();
             LaunchedBrowser b = RunnerFixture.sharedBrowser()) {
            CorpusCase c = CorpusCase.read(Path.of("src/test/resources/hostile-pages/n04-websocket-send-continue.case"));
            pages.put("/start", c.pages().get("/start").replace("{{ws}}", "ws://127.0.0.1:" + s.webSocketPort()));
            BrowserContext ctx = b.newContext(new HostLimits(List.of("127.0.0.1")));
            new dev.keyward.automation.browser.NavigationGuard(new dev.keyward.automation.browser.DomainPolicy(List.of("127.0.0.1"))).install(ctx);
            SocketHold.install(ctx, (url, text, size) -> { System.out.println("HOLD " + url + " " + text + " " + size); return false; });
            Page page = ctx.newPage();
            page.onConsoleMessage(m -> System.out.println("CONSOLE " + m.text()));
            page.onPageError(m -> System.out.println("PAGEERROR " + m));
            page.navigate("http://127.0.0.1:" + s.port() + "/start");
            page.waitForSelector("#c");
            page.click("#c");
            page.waitForTimeout(1000);
            System.out.println("RECEIVED? " + page.querySelector("#received"));
            System.out.println("LOG " + s.received() + " " + s.received().stream().map(RecordingServer.Received::body).toList());
            ctx.close();
        }
    }
}
