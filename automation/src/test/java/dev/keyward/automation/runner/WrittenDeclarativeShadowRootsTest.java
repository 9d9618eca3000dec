package dev.keyward.automation.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.keyward.automation.browser.BrowserLauncher;
import dev.keyward.automation.browser.ChromiumLocator;
import dev.keyward.automation.browser.HostLimits;
import dev.keyward.automation.browser.LaunchedBrowser;
import dev.keyward.automation.browser.RequiresChromium;
import dev.keyward.automation.browser.SpeculationRules;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Markup a page {@code document.write}s gets no declarative shadow root, however it splits the attribute over its
 * writes (a closed root is out of reach of every script, so a rule script inside it would be read by Chromium). The
 * roots here are open, so the page can tell whether one was attached; in a context without the runner's init script
 * the same writes do attach them.
 */
@RequiresChromium
class WrittenDeclarativeShadowRootsTest {

    private static final String PAGE = """
            <!doctype html><body><script>
            document.write('<div id="whole"><template shadowrootmode="open"><p>in</p></template></div>');
            document.write('<div id="two"><template shadowroot');
            document.write('mode="open"><p>in</p></template></div>');
            document.write('<div id="three"><template SHADOW');
            document.write('Root');
            document.writeln('Mode="open"><p>in</p></template></div>');
            document.write('<div id="parts"><template shadowro', 'otmode="open"><p>in</p></template></div>');
            document.write('<p id="text">shadowroot');
            document.write(' mode stays</p>');
            </script></body>""";
    private static final String ROOTS = "['whole', 'two', 'three', 'parts'].map((id) =>"
            + " id + ':' + (document.getElementById(id).shadowRoot === null ? 'none' : 'root')).join(' ')";

    private static LaunchedBrowser browser;

    @BeforeAll
    static void launch() {
        browser = new BrowserLauncher(ChromiumLocator.forProcess()).launch(false, new HostLimits(List.of("127.0.0.1")));
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    @Test
    void noWrittenTemplateBecomesAShadowRootHoweverTheWritesSplitIt() throws Exception {
        try (RecordingServer server = new RecordingServer(); BrowserContext context = browser.browser().newContext()) {
            server.page("/start", PAGE);
            SpeculationRules.install(context);
            Page page = context.newPage();
            page.navigate(server.base() + "/start");
            assertEquals("whole:none two:none three:none parts:none", page.evaluate(ROOTS));
            assertEquals("shadowroot mode stays", page.evaluate("document.getElementById('text').textContent"),
                    "text that only begins the name is written as it was");
        }
    }

    @Test
    void withoutTheInitScriptTheSameWritesAttachRoots() throws Exception {
        try (RecordingServer server = new RecordingServer(); BrowserContext context = browser.browser().newContext()) {
            server.page("/start", PAGE);
            Page page = context.newPage();
            page.navigate(server.base() + "/start");
            assertEquals("whole:root two:root three:root parts:root", page.evaluate(ROOTS));
        }
    }
}
