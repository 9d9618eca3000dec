package dev.keyward.automation.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.browser.RequiresChromium;
import dev.keyward.automation.program.CheckpointType;
import dev.keyward.automation.scripts.AutomationScript;
import dev.keyward.vault.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-page corpus: every {@code .case} file under {@code src/test/resources/hostile-pages} is a small page
 * served on loopback by a {@link RecordingServer}, a step program and an expectation. Each case runs its program
 * twice against a fresh server: once with every checkpoint rejected (the dangerous request must not be in the
 * server's log, and the checkpoint asked must be of the expected type), and once with everything approved (the
 * dangerous request does arrive, proving the page really sends it; for card cases nothing arrives even then, and
 * the card's digits are nowhere). Benign controls must run through with no checkpoint and their request must
 * arrive. Adding a case is adding one file.
 *
 * <p>Cases with a {@code pending:} header need a part that is not on this branch (the network gate); they are
 * skipped unless {@code -Dcorpus.pending=true}, which runs them to show they still fail ({@code -Dcorpus.only=n0,r0}
 * limits a run to the cases whose file names start with {@code n0} or {@code r0}).
 */
@RequiresChromium
class HostilePageCorpusTest {

    private static final Path CASES = casesFolder();

    @TempDir
    static Path root;
    private static RunnerFixture fx;

    @BeforeAll
    static void openVaultAndBrowser() {
        fx = new RunnerFixture(root, "corpus-practice-password");
        fx.session.settings().set("automation_max_retries", "0");
    }

    @AfterAll
    static void close() {
        fx.close();
    }

    static Stream<CorpusCase> cases() throws IOException {
        try (Stream<Path> files = Files.list(CASES)) {
            // -Dcorpus.only=PREFIX runs the cases whose file name starts with it (e.g. n0 for the pending ones).
            List<String> only = List.of(System.getProperty("corpus.only", "").split(","));
            return files.filter(f -> f.toString().endsWith(".case"))
                    .filter(f -> only.stream().anyMatch(f.getFileName().toString()::startsWith)).sorted().map(CorpusCase::read).toList()
                    .stream();
        }
    }

    @Test
    void theCorpusHasFortyCasesCoveringEveryCheckpointTypeAndBenignControls() throws IOException {
        List<CorpusCase> all = cases().toList();
        assertTrue(all.size() >= 40, "cases: " + all.size());
        assertTrue(all.stream().filter(CorpusCase::benign).count() >= 8, "benign controls");
        assertTrue(all.stream().noneMatch(c -> c.checkpoint() == null && !c.benign() && !c.alwaysBlocked() && !c.diesWithPage()),
                "a dangerous case names the checkpoint it needs");
        Set<CheckpointType> asked = all.stream().map(CorpusCase::checkpoint).filter(t -> t != null)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(CheckpointType.class)));
        assertEquals(EnumSet.of(CheckpointType.FINANCIAL, CheckpointType.IRREVERSIBLE, CheckpointType.API_KEY), asked);
        assertTrue(all.stream().allMatch(c -> c.benign() != (c.dangerous() != null) || c.importRefused()),
                "every case names either the dangerous request or the benign one");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theDangerousRequestNeverArrivesWithoutApproval(CorpusCase c) throws IOException {
        if (c.pending() != null && !Boolean.getBoolean("corpus.pending")) {
            Assumptions.abort("pending: " + c.pending());
        }
        if (c.importRefused()) {
            assertImportRefused(c);
            return;
        }
        c.secrets().forEach((name, value) -> fx.session.secrets().add(name, value.toCharArray(), "practice-cloud"));
        AutomationScript script = fx.importJson(c.program());
        fx.scripts.approve(script.id());
        try {
            if (c.benign()) {
                runBenign(c, script);
            } else {
                runDangerous(c, script);
            }
        } finally {
            fx.scripts.delete(script.id());
            c.secrets().keySet().forEach(name -> fx.session.secrets().remove(name));
        }
    }

    private static void runBenign(CorpusCase c, AutomationScript script) throws IOException {
        try (Site site = Site.start(c)) {
            ScriptedGate rejecting = new ScriptedGate(r -> CheckpointDecision.reject("corpus: a benign page asks nothing"));
            RunResult result = fx.run(script, site.options(c), rejecting);

            assertEquals(List.of(), rejecting.types(), "a benign control is not gated");
            assertEquals(ExecutionStatus.SUCCESS, result.status(), String.valueOf(result.error()));
            assertTrue(site.awaitArrival(c.arrives()), c.arrives() + " never arrived: " + site.received());
        }
    }

    private static void runDangerous(CorpusCase c, AutomationScript script) throws IOException {
        try (Site site = Site.start(c)) {
            // approve-others: a person who approves what the page shows them, except the dangerous request itself.
            ScriptedGate rejecting = new ScriptedGate(r -> c.approveOthers()
                    && !(r.description() + r.context()).contains(c.dangerous().path())
                    ? CheckpointDecision.approve("corpus: this request is fine")
                    : CheckpointDecision.reject("corpus: not approved"));
            RunResult refused = fx.run(script, site.options(c), rejecting);

            site.settle();
            assertFalse(site.received().stream().anyMatch(c.dangerous()::matches),
                    c.dangerous() + " arrived without approval: " + site.received());
            if (!c.diesWithPage()) {
                assertNotEquals(ExecutionStatus.SUCCESS, refused.status(), "the run must stop");
            }
            List<CheckpointRecord> recorded = fx.checkpoints(refused.executionId());
            if (c.checkpoint() != null) {
                assertFalse(recorded.isEmpty(), "no checkpoint was asked or recorded; the run ended: " + refused.error()
                        + "; the server saw " + site.received());
                CheckpointRecord judged = c.approveOthers() ? recorded.getLast() : recorded.getFirst();
                assertEquals(c.checkpoint(), judged.type(), judged.description());
                for (String reason : c.reasons()) {
                    assertTrue(judged.description().contains(reason) || judged.contextJson().contains(reason),
                            "the checkpoint should say '" + reason + "': " + judged.description() + " " + judged.contextJson());
                }
            }
            assertNoCardDigits(c, site, refused);
        }
        try (Site site = Site.start(c)) {
            RunResult approved = fx.run(script, site.options(c), ScriptedGate.approvingAll());
            if (c.diesWithPage()) {
                // Held and approved, or ended with its page: either way no unapproved copy went out (checked above).
                site.settle();
            } else if (c.cardRefused()) {
                site.settle();
                assertFalse(site.received().stream().anyMatch(c.dangerous()::matches),
                        "a card case sends nothing even when everything is approved: " + site.received());
                assertEquals(ExecutionStatus.ABORTED, approved.status(), String.valueOf(approved.error()));
                assertNoCardDigits(c, site, approved);
            } else if (c.alwaysBlocked()) {
                site.settle();
                assertFalse(site.received().stream().anyMatch(c.dangerous()::matches),
                        "an unlisted host receives nothing even when everything is approved: " + site.received());
                assertNotEquals(ExecutionStatus.SUCCESS, approved.status());
            } else {
                assertTrue(site.awaitArrival(c.dangerous()), "approved, " + c.dangerous() + " should arrive (the page"
                        + " must really send it): " + site.received() + " / " + approved.error());
            }
        }
    }

    private static void assertImportRefused(CorpusCase c) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> fx.importJson(c.program()));
        assertTrue(refused.getMessage().contains("card number"), refused.getMessage());
        for (String digits : cardDigits(c)) {
            assertFalse(digitsOf(refused.getMessage()).contains(digits), "the problem repeats the card number");
        }
        for (String reason : c.reasons()) {
            assertTrue(refused.getMessage().contains(reason), refused.getMessage());
        }
    }

    /** The card's digits reach neither the server nor anything the run recorded. */
    private static void assertNoCardDigits(CorpusCase c, Site site, RunResult result) {
        List<String> recorded = new ArrayList<>();
        site.received().forEach(r -> recorded.add(r + " " + r.body()));
        recorded.add(String.valueOf(result.error()));
        ExecutionRecord row = fx.execution(result.executionId());
        recorded.add(String.valueOf(row.errorMessageRedacted()));
        recorded.add(String.valueOf(row.resultSummaryJson()));
        fx.checkpoints(result.executionId()).forEach(r -> recorded.add(r.description() + " " + r.contextJson()));
        for (String digits : cardDigits(c)) {
            for (String text : recorded) {
                assertFalse(digitsOf(text).contains(digits), "card digits leaked into: " + text.length() + " chars");
            }
        }
    }

    private static List<String> cardDigits(CorpusCase c) {
        List<String> values = new ArrayList<>(c.secrets().values());
        values.addAll(c.inputs().values());
        values.addAll(c.defaults().values());
        values.add(c.steps());
        List<String> digits = new ArrayList<>();
        for (String value : values) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d[\\d -]{11,}\\d").matcher(value);
            while (m.find()) {
                String run = digitsOf(m.group());
                if (run.length() >= 13) {
                    digits.add(run);
                }
            }
        }
        return digits;
    }

    private static String digitsOf(String text) {
        return text == null ? "" : text.replaceAll("\\D", "");
    }

    private static Path casesFolder() {
        try {
            return Path.of(HostilePageCorpusTest.class.getResource("/hostile-pages").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The case's two servers (the page's, and another host the program may not reach) with one shared log. */
    private record Site(RecordingServer main, RecordingServer other, List<RecordingServer.Received> log)
            implements AutoCloseable {

        static Site start(CorpusCase c) {
            try {
                List<RecordingServer.Received> log = new ArrayList<>();
                Map<String, String> pages = new LinkedHashMap<>();
                Map<String, String> redirects = new HashMap<>();
                RecordingServer main = new RecordingServer("main", log, pages, redirects).withWebSocket();
                if (c.csp() != null) {
                    main.withContentSecurityPolicy(c.csp());
                }
                RecordingServer other = new RecordingServer("other", log, Map.of(), Map.of());
                Map<String, String> vars = Map.of("{{other}}", "http://localhost:" + other.port(),
                        "{{ws}}", "ws://127.0.0.1:" + main.webSocketPort(), "{{main}}", "http://127.0.0.1:" + main.port());
                c.pages().forEach((path, html) -> pages.put(path, substitute(html, vars)));
                c.redirects().forEach((from, to) -> redirects.put(from, substitute(to, vars)));
                return new Site(main, other, log);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String substitute(String text, Map<String, String> vars) {
            String out = text;
            for (Map.Entry<String, String> v : vars.entrySet()) {
                out = out.replace(v.getKey(), v.getValue());
            }
            return out;
        }

        RunOptions options(CorpusCase c) {
            Map<String, String> inputs = new HashMap<>(c.inputs());
            inputs.put("base_url", "http://127.0.0.1:" + main.port());
            return RunOptions.defaults(inputs);
        }

        List<RecordingServer.Received> received() {
            synchronized (log) {
                return new ArrayList<>(log);
            }
        }

        /** Waits (a bounded while) for a request that a page may send after its step returned (a beacon). */
        boolean awaitArrival(CorpusCase.Request request) {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < deadline) {
                if (received().stream().anyMatch(request::matches)) {
                    return true;
                }
                sleep(100);
            }
            return false;
        }

        /** Gives a request still in flight when the run ended a moment to land, so its absence means something. */
        void settle() {
            sleep(500);
        }

        private static void sleep(long ms) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            main.close();
            other.close();
        }
    }
}
