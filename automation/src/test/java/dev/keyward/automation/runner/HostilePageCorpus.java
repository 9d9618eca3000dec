package dev.keyward.automation.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.automation.browser.ChromiumProcesses;
import dev.keyward.automation.browser.RequiresChromium;
import dev.keyward.automation.scripts.AutomationScript;
import dev.keyward.vault.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-page corpus, run by two classes that split it by case group (the letter a case file's name starts
 * with): {@link HostilePageCorpusSideChannelsTest} and {@link HostilePageCorpusControlsTest}, so that the module's
 * two test JVMs share it; {@link HostilePageCorpusCasesTest} checks that every case file is run by exactly one.
 * Every {@code .case} file under {@code src/test/resources/hostile-pages} is a small page
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
 *
 * <p>Cases of a class run two at a time, each on a runner of its own (a vault and a Chromium that one case at a
 * time borrows): most of a case's time is spent waiting for its page and its servers, not computing.
 */
@RequiresChromium
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HostilePageCorpus {

    static final Path CASES = casesFolder();
    /**
     * Runners side by side in each class (so twice as many while both classes run); each case borrows one for its
     * runs (Playwright objects serve one thread at a time). {@code -Dcorpus.runners=N} sets another number, to
     * measure on a quiet machine.
     */
    private static final int RUNNERS = Integer.getInteger("corpus.runners", 2);
    /**
     * A corpus page is a few hundred bytes on loopback: a step that has not finished after this long is waiting for
     * something the gate dropped (a refused fetch's answer) or a page element that never shows, and the case's
     * assertions do not depend on how long that wait is.
     */
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(5);

    /** The case groups this class runs: the first letters of their file names. */
    private final Set<Character> groups;
    /** Per class, not static: the two classes may run one after the other in the same JVM. */
    private Path root;
    private final BlockingQueue<RunnerFixture> runners = new LinkedBlockingQueue<>();
    private final List<RunnerFixture> opened = new ArrayList<>();

    HostilePageCorpus(Set<Character> groups) {
        this.groups = groups;
    }

    @BeforeAll
    void openVaultsAndBrowsers() throws IOException {
        root = Files.createTempDirectory("keyward-corpus-");
        for (int i = 0; i < RUNNERS; i++) {
            RunnerFixture fx = new RunnerFixture(root.resolve("runner-" + i), "corpus-practice-password");
            opened.add(fx);
            fx.session.settings().set("automation_max_retries", "0");
            runners.add(fx);
        }
    }

    @AfterAll
    void close() throws IOException {
        opened.forEach(RunnerFixture::close);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    /** Every case file's name, in order. */
    static List<String> caseFiles() throws IOException {
        try (Stream<Path> files = Files.list(CASES)) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".case")).sorted().toList();
        }
    }

    /** Whether this class runs the case in {@code fileName}. */
    boolean runs(String fileName) {
        return groups.contains(fileName.charAt(0));
    }

    /**
     * This class's cases; {@code -Dcorpus.only=PREFIX,...} keeps those whose file name starts with one of them (e.g.
     * n0). When that leaves none here, one null stands in and is skipped: JUnit 5.11 fails a parameterized test that
     * has no arguments at all.
     */
    Stream<CorpusCase> cases() throws IOException {
        List<String> only = List.of(System.getProperty("corpus.only", "").split(","));
        List<CorpusCase> mine = caseFiles().stream().filter(this::runs)
                .filter(f -> only.stream().anyMatch(f::startsWith)).map(f -> CorpusCase.read(CASES.resolve(f))).toList();
        return mine.isEmpty() ? Stream.of((CorpusCase) null) : mine.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Execution(ExecutionMode.CONCURRENT)
    // A page must never hold a run forever (case b17): a hung case fails instead of stalling the build.
    @Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theDangerousRequestNeverArrivesWithoutApproval(CorpusCase c) throws IOException, InterruptedException {
        Assumptions.assumeTrue(c != null, "no case of this class matches -Dcorpus.only");
        if (c.pending() != null && !Boolean.getBoolean("corpus.pending")) {
            Assumptions.abort("pending: " + c.pending());
        }
        RunnerFixture fx = runners.take();
        try {
            // A case before may have ended in a page that hung: its browser was closed with it.
            fx.relaunchIfClosed();
            check(fx, c);
        } finally {
            runners.add(fx);
        }
    }

    private static void check(RunnerFixture fx, CorpusCase c) throws IOException {
        if (c.importRefused()) {
            assertImportRefused(fx, c);
            return;
        }
        c.secrets().forEach((name, value) -> fx.session.secrets().add(name, value.toCharArray(), "practice-cloud"));
        AutomationScript script = fx.importJson(c.program());
        fx.scripts.approve(script.id());
        try {
            if (c.ends() != null) {
                runEnding(fx, c, script);
            } else if (c.benign()) {
                runBenign(fx, c, script);
            } else {
                runDangerous(fx, c, script);
            }
        } finally {
            fx.scripts.delete(script.id());
            c.secrets().keySet().forEach(name -> fx.session.secrets().remove(name));
        }
    }

    private static void runBenign(RunnerFixture fx, CorpusCase c, AutomationScript script) throws IOException {
        try (Site site = Site.start(c)) {
            ScriptedGate rejecting = new ScriptedGate(r -> CheckpointDecision.reject("corpus: a benign page asks nothing"));
            RunResult result = fx.run(script, site.options(c), rejecting);

            assertEquals(List.of(), rejecting.types(), "a benign control is not gated");
            assertEquals(ExecutionStatus.SUCCESS, result.status(), result.error() + "; the server saw " + site.received());
            assertTrue(site.awaitArrival(c.arrives()), c.arrives() + " never arrived: " + site.received());
        }
    }

    private static void runDangerous(RunnerFixture fx, CorpusCase c, AutomationScript script) throws IOException {
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
            assertNoCardDigits(fx, c, site, refused);
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
                assertNoCardDigits(fx, c, site, approved);
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

    /**
     * A page that hangs, crashes or floods the browser: refused and approved alike, the run ends in bounded time
     * (the case's JUnit limit) as a failure with the case's typed reason, recorded in the run's row; the dangerous
     * request never arrives; nothing recorded quotes the page; and no Chromium process of the closed browser is left.
     */
    private static void runEnding(RunnerFixture fx, CorpusCase c, AutomationScript script) throws IOException {
        for (boolean approve : List.of(false, true)) {
            fx.relaunchIfClosed();
            long browserPid = fx.browser.process().orElseThrow().pid();
            try (Site site = Site.start(c)) {
                ScriptedGate gate = approve ? ScriptedGate.approvingAll()
                        : new ScriptedGate(r -> CheckpointDecision.reject("corpus: not approved"));
                RunResult result = fx.run(script, site.options(c), gate);
                site.settle();
                assertFalse(site.received().stream().anyMatch(c.dangerous()::matches),
                        c.dangerous() + " arrived (approved: " + approve + "): " + site.received());
                assertNoPageText(fx, c, result);
                if (c.ends().equals("success")) {
                    assertEquals(ExecutionStatus.SUCCESS, result.status(), result.error() + "; the server saw " + site.received());
                    continue;
                }
                assertEquals(ExecutionStatus.FAILURE, result.status(), result.error() + "; the server saw " + site.received());
                PageStop stop = assertInstanceOf(PageStop.class, result.stoppedBy(), String.valueOf(result.error()));
                assertEquals(c.ends(), stop.kindName(), result.error());
                assertEquals(result.error(), fx.execution(result.executionId()).errorMessageRedacted());
                assertEquals(c.ends(), fx.summary(result.executionId()).path("stopped").path("kind").asText());
                assertTrue(fx.browser.killed(), "the run's browser was closed");
                Set<Long> left = ChromiumProcesses.awaitGroupGone(browserPid, Duration.ofSeconds(10));
                assertEquals(Set.of(), left, "Chromium processes outlived the run: "
                        + left.stream().map(ChromiumProcesses::commandLine).toList());
            }
        }
    }

    /** Words of the form {@code canary-...} in a case's pages (its dialogs' messages, its text) are in nothing recorded. */
    private static void assertNoPageText(RunnerFixture fx, CorpusCase c, RunResult result) {
        java.util.regex.Matcher canaries = java.util.regex.Pattern.compile("canary-[a-z0-9]+").matcher(String.join(" ", c.pages().values()));
        List<String> recorded = new ArrayList<>();
        recorded.add(String.valueOf(result.error()));
        ExecutionRecord row = fx.execution(result.executionId());
        recorded.add(String.valueOf(row.errorMessageRedacted()));
        recorded.add(String.valueOf(row.resultSummaryJson()));
        fx.checkpoints(result.executionId()).forEach(r -> recorded.add(r.description() + " " + r.contextJson()));
        while (canaries.find()) {
            String canary = canaries.group();
            assertTrue(recorded.stream().noneMatch(text -> text.contains(canary)), "the page's text '" + canary
                    + "' was recorded: " + recorded);
        }
    }

    private static void assertImportRefused(RunnerFixture fx, CorpusCase c) {
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
    private static void assertNoCardDigits(RunnerFixture fx, CorpusCase c, Site site, RunResult result) {
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
            return Path.of(HostilePageCorpus.class.getResource("/hostile-pages").toURI());
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
                        "{{ws}}", "ws://127.0.0.1:" + main.webSocketPort(), "{{main}}", "http://127.0.0.1:" + main.port(),
                        "{{esc}}", "\u001b", "{{main-by-name}}", "http://localhost:" + main.port());
                c.encodings().forEach((path, charset) -> main.encoding(path, java.nio.charset.Charset.forName(charset)));
                c.pages().forEach((path, html) -> pages.put(path, substitute(html, vars)));
                c.redirects().forEach((from, to) -> redirects.put(from, substitute(to, vars)));
                for (String header : c.headers()) {
                    // "/start Speculation-Rules: \"/rules.json\"": a path, then a header line.
                    String path = header.substring(0, header.indexOf(' '));
                    String line = header.substring(header.indexOf(' ') + 1);
                    main.header(path, line.substring(0, line.indexOf(':')).strip(),
                            substitute(line.substring(line.indexOf(':') + 1).strip(), vars));
                }
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
            return RunOptions.defaults(inputs).withDefaultStepTimeout(STEP_TIMEOUT);
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
