package dev.keyward.automation.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.browser.NavigationGuard;
import dev.keyward.automation.browser.RequiresChromium;
import dev.keyward.automation.scripts.AutomationScript;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The route reads the documents it fetches into memory, so it reads no more than {@link NavigationGuard#BODY_LIMIT}:
 * a hostile page that serves an endless document (or a small compressed one that inflates past the limit) stops the
 * run with a sentence naming the host, the path and the size, and none of that document reaches the page.
 */
@RequiresChromium
class DocumentSizeLimitTest {

    private static final String PAGE_TEXT = "page-text-canary-7f3a";

    @TempDir
    static Path root;
    private static RunnerFixture fx;

    @BeforeAll
    static void open() {
        fx = new RunnerFixture(root.resolve("runner"), "size-limit-practice-password");
        fx.session.settings().set("automation_max_retries", "0");
    }

    @AfterAll
    static void close() {
        fx.close();
    }

    @Test
    @Timeout(120)
    void anEndlessDocumentStopsTheRunAndNothingOfItReachesThePage() throws Exception {
        try (EndlessServer server = new EndlessServer(false)) {
            RunResult result = run(server.base() + "/endless");

            assertEquals(ExecutionStatus.FAILURE, result.status(), String.valueOf(result.error()));
            assertTrue(result.error().contains("127.0.0.1/endless") && result.error().contains("32 MiB"),
                    result.error());
            assertFalse(result.error().contains(PAGE_TEXT), "the message quotes the page");
            assertFalse(fx.execution(result.executionId()).errorMessageRedacted().contains(PAGE_TEXT));
            // Reading stopped: the connection was closed while the server was still writing.
            assertTrue(server.stopped.await(30, TimeUnit.SECONDS), "the runner kept reading");
            assertTrue(server.written.get() < 3L * NavigationGuard.BODY_LIMIT, "written: " + server.written.get());
            // Nothing of the document was handed to the page: its image was never asked for.
            assertEquals(List.of(), server.paths.stream().filter(p -> p.startsWith("/pixel")).toList());
            assertFalse(server.paths.contains("/after"), "the run went on after the refused document");
        }
    }

    @Test
    @Timeout(120)
    void aSmallCompressedDocumentThatInflatesPastTheLimitIsRefusedToo() throws Exception {
        try (EndlessServer server = new EndlessServer(true)) {
            RunResult result = run(server.base() + "/endless");

            assertEquals(ExecutionStatus.FAILURE, result.status(), String.valueOf(result.error()));
            assertTrue(result.error().contains("127.0.0.1/endless"), result.error());
            assertEquals(List.of(), server.paths.stream().filter(p -> p.startsWith("/pixel")).toList());
        }
    }

    /**
     * A form posts to the endless address; a person approves the post after the click's own limit has run out, so
     * the click ends in a timeout while the approved request is still being read. The body past the limit is the
     * click's failure, not the next step's, and the next step never runs.
     */
    @Test
    @Timeout(120)
    void aBodyPastTheLimitAfterASlowApprovalFailsTheStepThatSentIt() throws Exception {
        try (EndlessServer server = new EndlessServer(false)) {
            AutomationScript script = fx.importJson("""
                    {"format": "keyward.step-program", "format_version": 1, "title": "Size limit after approval",
                     "provider": "practice-cloud", "task_type": "custom", "allowed_domains": ["127.0.0.1"],
                     "inputs": {},
                     "steps": [
                      {"id": "open", "type": "goto", "url": "%1$s/form"},
                      {"id": "submit", "type": "click", "selector": "#go", "timeout_ms": 1000},
                      {"id": "after", "type": "goto", "url": "%1$s/after"}
                     ]}
                    """.formatted(server.base()));
            fx.scripts.approve(script.id());
            ScriptedGate slowPerson = new ScriptedGate(r -> {
                try {
                    Thread.sleep(2_500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return CheckpointDecision.approve("corpus: a slow yes");
            });

            RunResult result = fx.run(script, RunOptions.defaults(Map.of()), slowPerson);

            assertEquals(ExecutionStatus.FAILURE, result.status(), String.valueOf(result.error()));
            assertTrue(result.error().startsWith("step 'submit': a page from 127.0.0.1/endless was larger than 32 MiB"),
                    result.error());
            assertEquals(StepStatus.FAILED, result.steps().get(1).status(), result.steps().get(1).toString());
            assertEquals(StepStatus.NOT_STARTED, result.steps().get(2).status(), result.steps().get(2).toString());
            assertFalse(server.paths.contains("/after"), "the run went on after the refused answer");
        }
    }

    @Test
    void theMessageNamesHostPathAndSizeOnly() {
        String message = TooLargeMessage.of("open", new NavigationGuard.TooLarge("127.0.0.1", "/endless",
                33_620_000L, "document"));
        assertEquals("step 'open': a page from 127.0.0.1/endless was larger than 32 MiB (33,620,000 bytes had arrived"
                + " when Keyward stopped reading it), so it was not loaded and the run stopped.", message);
    }

    private static RunResult run(String url) {
        AutomationScript script = fx.importJson("""
                {"format": "keyward.step-program", "format_version": 1, "title": "Size limit %s",
                 "provider": "practice-cloud", "task_type": "custom", "allowed_domains": ["127.0.0.1"],
                 "inputs": {},
                 "steps": [
                  {"id": "open", "type": "goto", "url": "%s"},
                  {"id": "after", "type": "goto", "url": "%s"}
                 ]}
                """.formatted(System.nanoTime(), url, url.replace("/endless", "/after")));
        fx.scripts.approve(script.id());
        return fx.run(script, RunOptions.defaults(Map.of()), ScriptedGate.approvingAll());
    }

    /**
     * A loopback HTTP server whose {@code /endless} is an HTML document that never ends (chunked, written until the
     * client goes away), or a gzip body of a few hundred KB that inflates to far more than the limit.
     */
    private static final class EndlessServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"));
        private final boolean compressed;
        final List<String> paths = new CopyOnWriteArrayList<>();
        final AtomicLong written = new AtomicLong();
        final CountDownLatch stopped = new CountDownLatch(1);

        EndlessServer(boolean compressed) throws IOException {
            this.compressed = compressed;
            Thread accept = new Thread(this::accept, "endless-server");
            accept.setDaemon(true);
            accept.start();
        }

        String base() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    Thread serve = new Thread(() -> serve(client), "endless-exchange");
                    serve.setDaemon(true);
                    serve.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket client) {
            boolean endless = false;
            try (client) {
                InputStream in = client.getInputStream();
                StringBuilder head = new StringBuilder();
                while (!head.toString().endsWith("\r\n\r\n")) {
                    int c = in.read();
                    if (c < 0) {
                        return;
                    }
                    head.append((char) c);
                }
                String path = head.toString().split(" ")[1];
                paths.add(path);
                OutputStream out = client.getOutputStream();
                if (path.equals("/form")) {
                    // A form whose neutral caption asks nothing before the click: only its post is held.
                    byte[] page = "<!doctype html><form method=\"post\" action=\"/endless\"><input name=\"note\" value=\"x\"><button id=\"go\">Continue</button></form>"
                            .getBytes(StandardCharsets.UTF_8);
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + page.length
                            + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(page);
                    return;
                }
                if (!path.equals("/endless")) {
                    byte[] page = "<!doctype html><p id=\"ok\">ok</p>".getBytes(StandardCharsets.UTF_8);
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + page.length
                            + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(page);
                    return;
                }
                endless = true;
                byte[] start = ("<!doctype html><html><body><img src=\"/pixel.png?from=endless\"><p>" + PAGE_TEXT
                        + "</p>").getBytes(StandardCharsets.UTF_8);
                if (compressed) {
                    byte[] body = bomb(start);
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
                            + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    return;
                }
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked"
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                chunk(out, start);
                byte[] filler = ("<p>" + PAGE_TEXT + " " + "x".repeat(1000) + "</p>\n").repeat(60)
                        .getBytes(StandardCharsets.UTF_8);
                while (true) {
                    chunk(out, filler);
                    written.addAndGet(filler.length);
                }
            } catch (IOException e) {
                // The client closed the connection: the reader stopped.
            } finally {
                if (endless) {
                    stopped.countDown();
                }
            }
        }

        private static void chunk(OutputStream out, byte[] data) throws IOException {
            out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(data);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }

        /** The page's start, then 200 MB of spaces, gzip-compressed (about 200 KB). */
        private static byte[] bomb(byte[] start) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
                gzip.write(start);
                byte[] spaces = new byte[1 << 20];
                java.util.Arrays.fill(spaces, (byte) ' ');
                for (int i = 0; i < 200; i++) {
                    gzip.write(spaces);
                }
            }
            return bytes.toByteArray();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
