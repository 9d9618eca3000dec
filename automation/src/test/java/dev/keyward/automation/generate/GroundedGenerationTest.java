package dev.keyward.automation.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpServer;
import dev.keyward.automation.llm.LlmClient;
import dev.keyward.automation.llm.SessionLlm;
import dev.keyward.automation.program.TaskType;
import dev.keyward.automation.scripts.ScriptService;
import dev.keyward.reflib.ArchiveFormat;
import dev.keyward.reflib.LibrarySettings;
import dev.keyward.reflib.ProgressListener;
import dev.keyward.reflib.ReferenceLibrary;
import dev.keyward.reflib.ReferenceSource;
import dev.keyward.reflib.SyncReport;
import dev.keyward.vault.session.VaultSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grounding end to end: a reference-library source synced from a loopback archive host reaches the research
 * stored with the program and the prompt the (loopback, fake) LLM receives, while no secret value does.
 */
class GroundedGenerationTest {

    static final String SHA = "3333333333333333333333333333333333333333";
    static final String SOURCE = "cap-recipes";
    static final String CAP_FILE = "examples/spending_cap.py";
    static final String DOCS_FILE = "docs/billing-limits.md";
    /** Made-up words that occur only in the archive, so finding them proves where a text came from. */
    static final String CAP_MARKER = "zorblecapwidget";
    static final String DOCS_MARKER = "quintalimitdoc";
    static final String CANARY_PASSWORD = "canary-pw-Grounded81xv";
    static final String CANARY_KEY = "sk-proj-CANARYground0123456789abcdefXYZ";
    static final String SENTENCE = "set a monthly spending cap of 50 dollars";

    private static final JsonMapper JSON = new JsonMapper();

    @TempDir
    Path dir;
    private VaultSession session;
    private FakeLlm llm;
    private LlmClient client;
    private ArchiveHost host;
    private HttpClient http;

    @BeforeEach
    void setUp() throws IOException {
        session = TestVault.open(dir.resolve("vault"));
        TestVault.secret(session, "practice-cloud-password", CANARY_PASSWORD, "practice-cloud");
        TestVault.secret(session, "openai-main", CANARY_KEY, "openai");
        llm = new FakeLlm().answering(n -> "```json\n" + ProgramGeneratorTest.VALID + "\n```");
        session.settings().set("llm_base_url", llm.baseUrl());
        session.settings().set("llm_model", "fake-model");
        host = ArchiveHost.start();
        http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
        http.close();
        host.close();
        llm.close();
        session.close();
    }

    @Test
    void snippetsOfASyncedSourceReachTheStoredResearchAndThePromptButNoSecretDoes() throws IOException {
        ReferenceLibrary library = syncedLibrary(dir.resolve("library-root"));
        client = SessionLlm.open(session, http, Duration.ofSeconds(20)).orElseThrow();
        ProgramGenerator generator = new ProgramGenerator(session, ReferenceSnippets.of(library),
                new ScriptService(session), Optional.of(client), ProgramGenerator.DEFAULT_REPAIR_ROUNDS);

        GeneratedProgram generated = generator.generate(
                new GenerationRequest("practice-cloud", TaskType.BILLING_RESTRICTION, SENTENCE), false);

        Map<String, String> row = TestVault.row(session, "automation_scripts", generated.scriptId());
        JsonNode references = JSON.readTree(row.get("research_data_json")).path("references");
        List<String> paths = new ArrayList<>();
        references.forEach(r -> paths.add(r.path("path").asText()));
        assertTrue(paths.contains(CAP_FILE) && paths.contains(DOCS_FILE), "stored research paths: " + paths);
        references.forEach(r -> assertEquals(SOURCE, r.path("source").asText()));
        String stored = references.toString();
        assertTrue(stored.contains(CAP_MARKER) && stored.contains(DOCS_MARKER), "stored snippets: " + stored);
        assertFalse(generated.research().notes().stream().anyMatch(n -> n.contains("no snippets")),
                generated.research().notes().toString());

        assertEquals(1, llm.requests.size());
        String prompt = llm.messagesOf(0);
        for (String expected : List.of(SOURCE + ":" + CAP_FILE, SOURCE + ":" + DOCS_FILE, CAP_MARKER, DOCS_MARKER)) {
            assertTrue(prompt.contains(expected), "the prompt carries " + expected + ":\n" + prompt);
        }
        assertTrue(prompt.contains("[REDACTED]"), "the snippet that held secret values reached the prompt masked");
        for (String body : llm.requests) {
            for (String canary : List.of(CANARY_PASSWORD, CANARY_KEY)) {
                assertFalse(body.contains(canary), "a prompt carried a secret value");
            }
        }
        for (String value : row.values()) {
            for (String canary : List.of(CANARY_PASSWORD, CANARY_KEY)) {
                assertFalse(value != null && value.contains(canary), "a secret value was stored with the program");
            }
        }
    }

    /** A library under {@code root} with {@link #SOURCE} synced from the loopback host; one download. */
    ReferenceLibrary syncedLibrary(Path root) {
        host.publish("acme", "cap-recipes", SHA, archive());
        ReferenceLibrary library = new ReferenceLibrary(root, http, LibrarySettings.defaults(host.base())
                .withInitialSources(List.of()));
        library.add(new ReferenceSource(SOURCE, "https://github.com/acme/cap-recipes", SHA, ArchiveFormat.TAR_GZ, null));
        SyncReport report = library.sync(SOURCE, ProgressListener.NONE);
        assertEquals(1, host.downloads.get(), "the archive came from the loopback host: " + report);
        return library;
    }

    /** GitHub's layout: one top folder REPO-SHA/ holding a Playwright example, a doc and an unrelated file. */
    static byte[] archive() {
        String top = "cap-recipes-" + SHA + "/";
        return tarGz(Map.of(
                top + CAP_FILE, """
                        # %s: set a monthly spending cap on a billing page with Playwright
                        def set_monthly_cap(page, cap):
                            page.goto(base_url + "/billing")
                            page.fill("#monthly-cap", str(cap))  # the spending cap in dollars
                            page.click("#save-cap")
                        """.formatted(CAP_MARKER),
                top + DOCS_FILE, """
                        # Billing limits

                        A monthly spending cap (%s) stops charges above a set amount of dollars; set the cap
                        of 50 dollars on the billing page, signed in with %s and the password %s.
                        """.formatted(DOCS_MARKER, CANARY_KEY, CANARY_PASSWORD),
                top + "src/unrelated.py", "def render_chart(points):\n    return sum(points)\n"));
    }

    static byte[] tarGz(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A loopback stand-in for GitHub's archive-by-commit host: {@code /OWNER/REPO/archive/SHA.tar.gz}. */
    static final class ArchiveHost implements AutoCloseable {

        final AtomicInteger downloads = new AtomicInteger();
        private final HttpServer server;
        private final Map<String, byte[]> archives = new java.util.concurrent.ConcurrentHashMap<>();

        private ArchiveHost(HttpServer server) {
            this.server = server;
        }

        static ArchiveHost start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ArchiveHost host = new ArchiveHost(server);
            server.createContext("/", exchange -> {
                byte[] archive = host.archives.get(exchange.getRequestURI().getPath());
                if (archive == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    host.downloads.incrementAndGet();
                    exchange.sendResponseHeaders(200, archive.length);
                    exchange.getResponseBody().write(archive);
                }
                exchange.close();
            });
            server.start();
            return host;
        }

        URI base() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        void publish(String owner, String repo, String sha, byte[] archive) {
            archives.put("/" + owner + "/" + repo + "/archive/" + sha + ".tar.gz", archive);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
