package dev.keyward.app.ui.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SourceAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://status.openai.example/incidents/1", "http://127.0.0.1:8080/changelog",
        "HTTPS://Example.com/Path?q=1", "  https://padded.example/x  "})
    void webAddressesMayBeOpened(String raw) {
        SourceAddress.Web web = assertInstanceOf(SourceAddress.Web.class, SourceAddress.of(raw));
        assertEquals(URI.create(raw.strip()), web.uri());
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "file:///etc/passwd", "ftp://files.example/x", "mailto:a@b.example",
        "data:text/html,<script>alert(1)</script>", "/relative/path", "https:///no-host", "http://bad host/",
        "vbscript:msgbox", ""})
    void everythingElseIsRefusedWithASentence(String raw) {
        SourceAddress.Refused refused = assertInstanceOf(SourceAddress.Refused.class, SourceAddress.of(raw));
        assertEquals(true, refused.reason().endsWith("."), refused.reason());
    }
}
