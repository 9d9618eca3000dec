package dev.keyward.automation.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What {@link DocumentEncoding} says Chromium reads a response's Content-Type values and bytes as is what the real
 * browser reads (no route here: the response reaches Chromium as the server sent it). This is what makes the markup
 * layer look for rules in the text Chromium parses (corpus s40-s42).
 */
@RequiresChromium
class ContentTypeChoiceTest {

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
    void ofTwoContentTypeHeadersTheLastTypesCharsetIsRead() throws Exception {
        assertReadAs(List.of("text/html; charset=utf-8", "text/html; charset=utf-16le"), "text/html", "UTF-16LE");
    }

    @Test
    void aLaterHeaderWithTheSameTypeAndNoCharsetKeepsTheCharset() throws Exception {
        assertReadAs(List.of("text/html; charset=unicode", "text/html"), "text/html", "UTF-16LE");
    }

    @Test
    void aLaterHeaderWithAnotherTypeDropsTheCharset() throws Exception {
        // No charset is left: whatever Chromium then picks for the ASCII body, it is not UTF-16.
        assertReadAs(List.of("text/plain; charset=utf-16le", "text/html"), "text/html", null);
    }

    @Test
    void utf16LabelsOfTheEncodingStandardAreUtf16() throws Exception {
        for (String label : List.of("unicode", "ucs-2", "csunicode", "iso-10646-ucs-2", "unicodefeff", "\"unicode\"")) {
            assertReadAs(List.of("text/html; charset=" + label), "text/html", "UTF-16LE");
        }
        assertReadAs(List.of("text/html; charset=unicodefffe"), "text/html", "UTF-16BE");
    }

    @Test
    void withoutACharsetAUtf16XmlDeclarationMakesThePageUtf16() throws Exception {
        byte[] body = "<?xml version=\"1.0\"?><p>x</p>".getBytes(StandardCharsets.UTF_16LE);
        assertEquals(DocumentEncoding.Reading.UTF_16LE, DocumentEncoding.reading(body, null).reading());
        assertEquals("UTF-16LE text/html", characterSet(List.of("text/html"), body));
    }

    @Test
    void withoutACharsetAMetaNamingIso2022JpMakesThePageIso2022Jp() throws Exception {
        // The markup layer cannot trust its own reading of <meta>: a page with an escape byte and no known charset is
        // decoded and sent on as UTF-8 (Chromium 156 did not detect ISO-2022-JP by its escapes alone here).
        byte[] body = ("<meta charset=\"iso-2022-jp\"><p>\u65e5\u672c\u8a9e</p>")
                .getBytes(java.nio.charset.Charset.forName("ISO-2022-JP"));
        assertEquals(DocumentEncoding.Reading.TRANSCODE, DocumentEncoding.reading(body, null).reading());
        assertEquals("ISO-2022-JP text/html", characterSet(List.of("text/html"), body));
    }

    /** The encoding and type Chromium reads a page served with these Content-Type values and this body as. */
    private static String characterSet(List<String> contentTypes, byte[] body) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", exchange -> {
            contentTypes.forEach(value -> exchange.getResponseHeaders().add("Content-Type", value));
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.navigate("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            return page.evaluate("document.characterSet + ' ' + document.contentType").toString();
        } finally {
            server.stop(0);
        }
    }

    /**
     * Serves a page under {@code contentTypes} (one header line each), checks that {@link DocumentEncoding} reads
     * them as {@code mime} and {@code encoding}, and that Chromium does too.
     */
    private static void assertReadAs(List<String> contentTypes, String mime, String encoding) throws Exception {
        DocumentEncoding.ContentType type = DocumentEncoding.contentType(contentTypes);
        assertEquals(mime, type.mime(), contentTypes.toString());
        assertEquals(encoding, encoding == null ? type.charset() : DocumentEncoding.risky(type.charset()),
                contentTypes.toString());

        byte[] body = "<p>x</p>".getBytes(encoding == null ? StandardCharsets.US_ASCII
                : java.nio.charset.Charset.forName(encoding));
        String[] read = characterSet(contentTypes, body).split(" ");
        assertEquals(mime, read[1], contentTypes.toString());
        if (encoding == null) {
            assertEquals(false, read[0].toUpperCase(Locale.ROOT).startsWith("UTF-16"), contentTypes + ": " + read[0]);
        } else {
            assertEquals(encoding.toLowerCase(Locale.ROOT), read[0].toLowerCase(Locale.ROOT), contentTypes.toString());
        }
    }
}
