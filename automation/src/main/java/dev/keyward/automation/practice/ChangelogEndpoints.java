package dev.keyward.automation.practice;

import static dev.keyward.automation.practice.Html.e;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The changelog as an Atom feed with ETag / If-None-Match support, and as a plain public HTML page.
 */
final class ChangelogEndpoints {

    private static final String ATOM_NS = "http://www.w3.org/2005/Atom";

    private final PracticeState state;
    private final String baseUrl;

    ChangelogEndpoints(PracticeState state, String baseUrl) {
        this.state = state;
        this.baseUrl = baseUrl;
    }

    void register(Router router) {
        router.get("/changelog.atom", Router.Access.PUBLIC, this::feed);
        router.get("/changelog", Router.Access.PUBLIC, request -> PracticeResponse.html(200, htmlPage()));
    }

    private PracticeResponse feed(PracticeRequest request) {
        byte[] body = atom();
        String etag = "\"" + HexFormat.of().formatHex(sha256(body), 0, 16) + "\"";
        String lastModified = DateTimeFormatter.RFC_1123_DATE_TIME.format(state.changelog().updated().atZone(ZoneOffset.UTC));
        if (matches(request.header("If-None-Match"), etag)) {
            return PracticeResponse.notModified().withHeader("ETag", etag).withHeader("Last-Modified", lastModified);
        }
        return PracticeResponse.bytes(200, "application/atom+xml; charset=utf-8", body)
                .withHeader("ETag", etag).withHeader("Last-Modified", lastModified)
                .withHeader("Cache-Control", "no-cache");
    }

    /** RFC 9110 weak comparison: {@code *}, or any listed tag equal to ours once a {@code W/} prefix is dropped. */
    private static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private byte[] atom() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM_NS);
            text(xml, "id", "tag:practice.test,2024:changelog");
            text(xml, "title", "Practice Cloud changelog");
            text(xml, "updated", state.changelog().updated().toString());
            link(xml, "self", baseUrl + "/changelog.atom");
            link(xml, "alternate", baseUrl + "/changelog");
            xml.writeStartElement("author");
            text(xml, "name", "Practice Cloud");
            xml.writeEndElement();
            for (ChangelogFeed.Entry entry : state.changelog().entries()) {
                xml.writeStartElement("entry");
                text(xml, "id", entry.id());
                text(xml, "title", entry.title());
                text(xml, "updated", entry.updated().toString());
                text(xml, "published", entry.updated().toString());
                link(xml, "alternate", baseUrl + "/changelog#" + anchor(entry));
                xml.writeEmptyElement("category");
                xml.writeAttribute("term", entry.category());
                xml.writeStartElement("summary");
                xml.writeAttribute("type", "text");
                xml.writeCharacters(entry.summary());
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The changelog feed could not be written.", e);
        }
        return out.toByteArray();
    }

    private String htmlPage() {
        StringBuilder items = new StringBuilder();
        for (ChangelogFeed.Entry entry : state.changelog().entries()) {
            items.append("""
                    <article id="%s" data-testid="changelog-entry" data-category="%s">
                    <h2>%s</h2>
                    <p><time datetime="%s">%s</time> · <span class="category">%s</span></p>
                    <p>%s</p>
                    </article>
                    """.formatted(e(anchor(entry)), e(entry.category()), e(entry.title()), e(entry.updated()),
                    e(entry.updated().atZone(ZoneOffset.UTC).toLocalDate()), e(entry.category()), e(entry.summary())));
        }
        return Html.page("Changelog", false, """
                <h1>Changelog</h1>
                <p><a id="changelog-feed" href="/changelog.atom">Atom feed</a></p>
                %s""".formatted(items));
    }

    private static String anchor(ChangelogFeed.Entry entry) {
        return "entry-" + entry.id().substring(entry.id().lastIndexOf('/') + 1);
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java runtime has no SHA-256.", e);
        }
    }
}
