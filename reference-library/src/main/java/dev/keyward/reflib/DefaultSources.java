package dev.keyward.reflib;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The bundled default sources (Playwright for Python and Java, Puppeteer) with pinned commits. */
public final class DefaultSources {

    static final String RESOURCE = "default-sources.json";

    private DefaultSources() {}

    /** Reads {@code default-sources.json} from the classpath. */
    public static List<ReferenceSource> load() {
        try (InputStream in = DefaultSources.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the reference-library jar");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<ReferenceSource> sources = new ArrayList<>();
            for (JsonNode node : root.path("sources")) {
                sources.add(new ReferenceSource(
                        node.path("name").asText(),
                        node.path("repositoryUrl").asText(),
                        node.path("commitSha").asText(),
                        ArchiveFormat.fromDbValue(node.path("format").asText("tar_gz")),
                        node.path("expectedChecksum").asText(null)));
            }
            return List.copyOf(sources);
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled " + RESOURCE + " cannot be read", e);
        }
    }
}
