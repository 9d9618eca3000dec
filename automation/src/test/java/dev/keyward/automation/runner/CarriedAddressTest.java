package dev.keyward.automation.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.program.CheckpointType;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A GET is judged by the addresses its query carries as well as its own: a server's redirect sends media, fetch and
 * XHR requests on where no route sees the next hop (corpus s36-s38), so {@code /go?next=/account/delete} is held.
 */
class CarriedAddressTest {

    private final RequestReader reader = new RequestReader(text -> text);

    private Optional<RequestClassifier.Advice> acts(String url, String type) {
        HeldRequest read = reader.readGet(url, "GET", type);
        return read == null ? Optional.empty() : RequestClassifier.readActs(read);
    }

    @Test
    void aPathInTheQueryThatNamesAnActionHoldsTheGet() {
        assertEquals(CheckpointType.IRREVERSIBLE, acts("http://127.0.0.1:1/media/play?next=/account/delete", "media")
                .orElseThrow().type());
        assertEquals(CheckpointType.IRREVERSIBLE, acts("http://127.0.0.1:1/go?return_to=%2Faccount%2Fdelete", "fetch")
                .orElseThrow().type());
        assertEquals(CheckpointType.FINANCIAL, acts("http://127.0.0.1:1/r?u=../billing/purchase%3Fplan%3Dpro", "xhr")
                .orElseThrow().type());
    }

    @Test
    void anAbsoluteAddressIsReadWhateverItsFieldIsCalledAndHowLongItIs() {
        // A field that sounds secret is not shown, and a long value is clipped when shown; both are still read.
        String padded = "/" + "a".repeat(120) + "/../keys/revoke?id=1";
        assertEquals(CheckpointType.IRREVERSIBLE, acts("http://127.0.0.1:1/api/out?auth_code="
                + java.net.URLEncoder.encode("http://127.0.0.1:1/keys/revoke?id=1", java.nio.charset.StandardCharsets.UTF_8),
                "xhr").orElseThrow().type());
        assertEquals(CheckpointType.IRREVERSIBLE, acts("http://127.0.0.1:1/go?next=" + padded, "fetch").orElseThrow().type());
    }

    @Test
    void anAddressCarriedInsideACarriedAddressIsReadToo() {
        assertEquals(CheckpointType.IRREVERSIBLE,
                acts("http://127.0.0.1:1/go?next=%2Fgo%3Fnext%3D%252Faccount%252Fdelete", "fetch").orElseThrow().type());
    }

    @Test
    void anActionFieldOfTheCarriedAddressCounts() {
        assertEquals(CheckpointType.IRREVERSIBLE, acts("http://127.0.0.1:1/go?next=%2Fkonto%3Faction%3Dloeschen", "xhr")
                .orElseThrow().type());
    }

    @Test
    void aStaticFileThatCarriesAnActionAddressIsHeld() {
        assertEquals(CheckpointType.IRREVERSIBLE, acts("http://127.0.0.1:1/media/clip.webm?next=/account/delete", "media")
                .orElseThrow().type());
    }

    @Test
    void returnAddressesAndSearchesThatOnlyReadPass() {
        assertTrue(acts("http://127.0.0.1:1/go?return_to=/usage/summary&q=deleted%20keys", "fetch").isEmpty());
        assertTrue(acts("http://127.0.0.1:1/search?q=delete%20account", "xhr").isEmpty());
        assertTrue(acts("http://127.0.0.1:1/search?q=delete/remove%20a%20key", "xhr").isEmpty());
        assertNull(reader.readGet("http://127.0.0.1:1/media/clip.webm?v=2", "GET", "media"));
    }

    @Test
    void theCheckpointSaysTheActionIsInACarriedAddress() {
        assertTrue(acts("http://127.0.0.1:1/go?next=/account/delete", "fetch").orElseThrow().reason()
                .contains("an address the request carries"));
    }

    @Test
    void addressesTheUriParserWouldRefuseAreStillJudged() {
        // A '|' or '"' in the value made the parser throw and the address was left out; a browser follows it.
        assertEquals(CheckpointType.IRREVERSIBLE, acts("http://127.0.0.1:1/go?next=%2Faccount%2Fdelete%3Fx%3D%7C", "fetch")
                .orElseThrow().type());
        assertEquals(CheckpointType.IRREVERSIBLE, acts("http://127.0.0.1:1/go?next=%5Caccount%5Cdelete", "xhr")
                .orElseThrow().type());
        assertEquals(CheckpointType.IRREVERSIBLE, acts("http://127.0.0.1:1/go?next=account/delete", "media")
                .orElseThrow().type());
        assertEquals(CheckpointType.IRREVERSIBLE, acts("http://127.0.0.1:1/go?next=http:/127.0.0.1:1/account/delete", "xhr")
                .orElseThrow().type());
    }

    @Test
    void deepNestingIsJudgedWithoutRunningOutOfStack() {
        // Four characters a level, unencoded: without a limit the reading recursed once a level.
        String deep = "/?a=".repeat(20_000) + "/account/delete";
        assertEquals(CheckpointType.IRREVERSIBLE, acts("http://127.0.0.1:1" + deep, "fetch").orElseThrow().type());
    }

    @Test
    void anApprovalOfOneCarriedAddressDoesNotCoverAnother() {
        HeldRequest subscribe = reader.readGet("http://127.0.0.1:1/go?next=/plan/subscribe", "GET", "xhr");
        HeldRequest delete = reader.readGet("http://127.0.0.1:1/go?next=/account/delete", "GET", "xhr");
        HeldRequest again = reader.readGet("http://127.0.0.1:1/go?next=/plan/subscribe", "GET", "xhr");
        assertTrue(delete.sameActionAs(subscribe.method(), subscribe.host(), subscribe.path(), subscribe.fieldNames()));
        assertTrue(!delete.leadsTo().equals(subscribe.leadsTo()), "the carried address is part of the action");
        assertEquals(subscribe.leadsTo(), again.leadsTo());
    }

    @Test
    void aPageIsJudgedByItsOwnAddressAndTheAddressItsRedirectNames() {
        // The route fetches a page's first hop itself and judges where its answer redirects (corpus b20, s39).
        assertTrue(acts("http://127.0.0.1:1/login?next=/billing/subscribe", "document").isEmpty());
        assertTrue(acts("http://127.0.0.1:1/go?next=%2Faccount%2Fdelete", "document").isEmpty());
        assertEquals(CheckpointType.IRREVERSIBLE, acts("http://127.0.0.1:1/account/delete", "document").orElseThrow()
                .type());
        // The hop a redirect names is requested by the browser itself, which follows that hop's own redirect where
        // no route sees it: what it carries is judged.
        com.microsoft.playwright.Request page = request("document");
        assertEquals(CheckpointType.IRREVERSIBLE, RequestClassifier.readActs(reader.readRedirect(page,
                "http://127.0.0.1:1/go2?next=/account/delete", "GET")).orElseThrow().type());
        assertTrue(RequestClassifier.readActs(reader.readRedirect(page, "http://127.0.0.1:1/login?next=/usage", "GET"))
                .isEmpty());
        // A fetch is still judged by where it can lead.
        assertEquals(CheckpointType.FINANCIAL, acts("http://127.0.0.1:1/login?next=/billing/subscribe", "fetch")
                .orElseThrow().type());
    }

    /** A GET request of a resource type, for the reader (only its method, type and body are read). */
    private static com.microsoft.playwright.Request request(String type) {
        return (com.microsoft.playwright.Request) java.lang.reflect.Proxy.newProxyInstance(
                CarriedAddressTest.class.getClassLoader(), new Class<?>[] {com.microsoft.playwright.Request.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "resourceType" -> type;
                    case "method" -> "GET";
                    case "postDataBuffer" -> null;
                    case "headers" -> java.util.Map.of();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
