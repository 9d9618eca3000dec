package dev.keyward.automation.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void tagsAreDroppedAndEntitiesDecoded() {
        assertEquals("Price: 5 € & up", PlainText.snippet("<p>Price: <b>5&nbsp;&euro;</b> &amp; up</p>"));
    }

    @Test
    void scriptAndStyleContentsDisappear() {
        assertEquals("before after",
                PlainText.snippet("before<script>alert('x')</script><style>p{color:red}</style> after"));
    }

    @Test
    void encodedMarkupIsStrippedToo() {
        String text = PlainText.snippet("ok &lt;script&gt;alert(1)&lt;/script&gt; &amp;lt;img src=x&amp;gt; done");

        assertFalse(text.contains("<script"), text);
        assertFalse(text.contains("<img"), text);
        assertTrue(text.startsWith("ok"), text);
        assertTrue(text.endsWith("done"), text);
    }

    @Test
    void controlAndBidiCharactersAreRemoved() {
        assertEquals("abc def", PlainText.snippet("a\u202Eb\u0000c\u200B\n\tdef"));
    }

    @Test
    void cutTextEndsWithAnEllipsisWithinTheLimit() {
        String text = PlainText.of("0123456789".repeat(10), 20);

        assertEquals(20, text.length());
        assertTrue(text.endsWith("\u2026"));
    }

    @Test
    void nullAndEmptyBecomeEmpty() {
        assertEquals("", PlainText.snippet(null));
        assertEquals("", PlainText.title("   "));
    }
}
