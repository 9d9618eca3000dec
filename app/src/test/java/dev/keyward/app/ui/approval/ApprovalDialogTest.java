package dev.keyward.app.ui.approval;

import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static dev.keyward.app.ui.DesktopTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.agent.AccessRequest;
import dev.keyward.app.agent.Approval;
import dev.keyward.app.agent.ClientProcess;
import dev.keyward.app.agent.DesktopApprovals;
import dev.keyward.app.agent.Requests;
import dev.keyward.app.agent.SessionApprovalAudit;
import dev.keyward.app.agent.TerminalGrants;
import dev.keyward.app.ui.CutTexts;
import dev.keyward.app.ui.DesktopTest;
import dev.keyward.app.ui.DesktopTestKit;
import dev.keyward.app.ui.tray.Notification;
import dev.keyward.vault.audit.AuditEntry;
import dev.keyward.vault.session.ProfileService;
import dev.keyward.vault.session.VaultSession;
import dev.keyward.vault.testing.ManualClock;
import java.time.Instant;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The approval window answered each way by mouse and keyboard, timing out, and read whole; audited in a real vault. */
@DesktopTest
class ApprovalDialogTest {

    /** A vault value that must never reach the window, a notice or the audit log, even when typed on a command line. */
    private static final String CANARY = "sk-canary-approval-0123456789abcdef";

    @TempDir
    static Path dataDir;

    private final List<Notification> posted = new CopyOnWriteArrayList<>();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-05T03:00:00Z"));
    private final ExecutorService agentThreads = Executors.newCachedThreadPool();
    private Stage main;
    private VaultSession session;
    private DesktopApprovals approvals;

    @Start
    void start(Stage stage) {
        // A shown window needs a scene: Monocle stalls its render pulse on a scene-less stage.
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
        main = stage;
    }

    private void open(Duration answerWithin, Duration arming) {
        if (session == null) {
            ProfileService profiles = DesktopTestKit.profiles(dataDir.resolve("p" + System.nanoTime()));
            session = DesktopTestKit.open(profiles, DesktopTestKit.createProfile(profiles, "work"));
            session.secrets().add("OPENAI_API_KEY", CANARY.toCharArray(), null);
        }
        approvals = new DesktopApprovals(new ApprovalDialog(main, posted::add, arming), new SessionApprovalAudit(session),
                session.redactor(), new TerminalGrants(clock), TerminalGrants.LENGTH, answerWithin);
    }

    private void open() {
        open(Duration.ofMinutes(5), Duration.ZERO);
    }

    @AfterEach
    void stop() {
        if (approvals != null) {
            approvals.close();
        }
        agentThreads.shutdownNow();
        if (session != null) {
            session.close();
        }
    }

    private Future<Approval> ask(AccessRequest request, FxRobot robot) {
        Future<Approval> f = agentThreads.submit(() -> approvals.decide(request));
        waitUntil("the approval window shows", () -> robot.lookup("#approval-deny").tryQuery().isPresent());
        return f;
    }

    private static Approval answered(Future<Approval> f) throws Exception {
        return f.get(20, TimeUnit.SECONDS);
    }

    private void closed(FxRobot robot) {
        waitUntil("the approval window closed", () -> robot.lookup("#approval-deny").tryQuery().isEmpty());
    }

    /** The approval rows of the audit log, newest first (adding the canary secret wrote a row of its own). */
    private List<AuditEntry> audit() {
        return session.database().read(c -> session.audit().page(c, "secret", null, 100)).stream()
                .filter(row -> row.action().startsWith("agent_")).toList();
    }

    private static ClientProcess terminal(long pid, String... argv) {
        return Requests.inTerminal(pid, 4242, "/dev/pts/3", argv);
    }

    @Test
    void theWindowNamesTheCommandFolderProgramAndSecretsAndAllowOnceIsAudited(FxRobot robot) throws Exception {
        open();
        Future<Approval> f = ask(Requests.reveal(terminal(501, "secret", "get", "OPENAI_API_KEY"), "OPENAI_API_KEY"), robot);
        String text = DesktopTestKit.allVisibleText();
        for (String expected : List.of("A program wants to read secret values", "keyward secret get OPENAI_API_KEY",
                "/home/ada/app", "/usr/lib/jvm/bin/java", "OPENAI_API_KEY", "/dev/pts/3 (session 4242)", "501",
                "Allow once", "Allow for this terminal session for 10 minutes", "Deny", "Denied automatically in")) {
            assertTrue(text.contains(expected), "the window shows " + expected + ":\n" + text);
        }
        robot.clickOn("#approval-allow-once");
        assertEquals(Approval.ALLOW_ONCE, answered(f));
        closed(robot);
        AuditEntry row = audit().get(0);
        assertEquals("agent_allow_once", row.action());
        assertTrue(row.detailsJson().contains("keyward secret get OPENAI_API_KEY"), row.detailsJson());
        assertTrue(row.detailsJson().contains("/home/ada/app") && row.detailsJson().contains("/usr/lib/jvm/bin/java"),
                row.detailsJson());
        assertTrue(posted.isEmpty(), "no notice while the window shows: " + posted);
    }

    @Test
    void allowForThisTerminalAnswersTheSameTerminalForTenMinutesWithoutAWindow(FxRobot robot) throws Exception {
        open();
        Future<Approval> f = ask(Requests.runProject(terminal(502, "run", "--project", "api"), "api"), robot);
        robot.clickOn("#approval-allow-terminal");
        assertEquals(Approval.ALLOW_TERMINAL_SESSION, answered(f));
        closed(robot);
        assertEquals(Approval.ALLOW_TERMINAL_SESSION, approvals.decide(Requests.reveal(terminal(503), "OPENAI_API_KEY")));
        clock.advance(TerminalGrants.LENGTH);
        Future<Approval> late = ask(Requests.reveal(terminal(504), "OPENAI_API_KEY"), robot);
        robot.clickOn("#approval-deny");
        assertEquals(Approval.DENY, answered(late));
        List<String> actions = audit().stream().map(AuditEntry::action).toList();
        assertEquals(List.of("agent_deny", "agent_allow_by_grant", "agent_allow_terminal_session"), actions);
    }

    @Test
    void withoutATerminalSessionTheTerminalAnswerIsNotOffered(FxRobot robot) throws Exception {
        open();
        Future<Approval> f = ask(Requests.reveal(Requests.withoutTerminal(505), "OPENAI_API_KEY"), robot);
        assertTrue(robot.lookup("#approval-allow-terminal").tryQuery().isEmpty());
        assertTrue(DesktopTestKit.allVisibleText().contains("no terminal-session grant is offered"));
        robot.clickOn("#approval-allow-once");
        assertEquals(Approval.ALLOW_ONCE, answered(f));
    }

    @Test
    void denyHasTheFocusSoEnterAndSpaceDeny(FxRobot robot) throws Exception {
        open();
        Future<Approval> f = ask(Requests.reveal(terminal(506), "OPENAI_API_KEY"), robot);
        waitUntil("Deny has the focus", () -> focused() != null && "approval-deny".equals(focused().getId()));
        robot.type(KeyCode.ENTER);
        assertEquals(Approval.DENY, answered(f));
        closed(robot);
        Future<Approval> g = ask(Requests.reveal(terminal(507), "OPENAI_API_KEY"), robot);
        waitUntil("Deny has the focus", () -> focused() != null && "approval-deny".equals(focused().getId()));
        robot.type(KeyCode.SPACE);
        assertEquals(Approval.DENY, answered(g));
    }

    @Test
    void escapeDenies(FxRobot robot) throws Exception {
        open();
        Future<Approval> f = ask(Requests.change(terminal(508), "NEW_KEY"), robot);
        waitUntil("the window has the focus", () -> focused() != null);
        robot.type(KeyCode.ESCAPE);
        assertEquals(Approval.DENY, answered(f));
        assertEquals("agent_deny", audit().get(0).action());
    }

    @Test
    void eachAnswerIsReachedWithTheKeyboardAlone(FxRobot robot) throws Exception {
        open();
        Future<Approval> f = ask(Requests.reveal(terminal(509), "OPENAI_API_KEY"), robot);
        waitUntil("Deny has the focus", () -> focused() != null && "approval-deny".equals(focused().getId()));
        robot.type(KeyCode.TAB);
        waitUntil("Allow once has the focus", () -> "approval-allow-once".equals(focused().getId()));
        robot.type(KeyCode.ENTER);
        assertEquals(Approval.ALLOW_ONCE, answered(f));
        closed(robot);

        Future<Approval> g = ask(Requests.change(terminal(510), "NEW_KEY"), robot);
        waitUntil("Deny has the focus", () -> focused() != null && "approval-deny".equals(focused().getId()));
        robot.type(KeyCode.TAB);
        robot.type(KeyCode.TAB);
        waitUntil("Allow for this terminal has the focus", () -> "approval-allow-terminal".equals(focused().getId()));
        robot.type(KeyCode.SPACE);
        assertEquals(Approval.ALLOW_TERMINAL_SESSION, answered(g));
    }

    @Test
    void untilTheAllowButtonsArmKeysTypedForAnotherWindowCanOnlyDeny(FxRobot robot) throws Exception {
        open(Duration.ofMinutes(5), Duration.ofHours(1));
        Future<Approval> f = ask(Requests.reveal(terminal(511), "OPENAI_API_KEY"), robot);
        assertTrue(robot.lookup("#approval-allow-once").queryAs(Button.class).isDisabled());
        assertTrue(robot.lookup("#approval-allow-terminal").queryAs(Button.class).isDisabled());
        waitUntil("Deny has the focus", () -> focused() != null && "approval-deny".equals(focused().getId()));
        robot.type(KeyCode.TAB);
        robot.type(KeyCode.SPACE);
        assertEquals(Approval.DENY, answered(f));
    }

    @Test
    void noAnswerInTimeClosesTheWindowDeniesAndSaysNothingWasShared(FxRobot robot) throws Exception {
        open(Duration.ofSeconds(2), Duration.ZERO);
        Future<Approval> f = ask(Requests.reveal(terminal(512, "secret", "get", "OPENAI_API_KEY"), "OPENAI_API_KEY"), robot);
        assertTrue(DesktopTestKit.allVisibleText().contains("Denied automatically in"));
        assertEquals(Approval.DENY, answered(f));
        closed(robot);
        waitUntil("the notice is posted", () -> !posted.isEmpty());
        Notification notice = posted.get(0);
        assertTrue(notice.text().contains("nothing was shared") && notice.text().contains("keyward secret get OPENAI_API_KEY"),
                notice.text());
        assertEquals("agent_deny_no_answer", audit().get(0).action());
    }

    @Test
    void closingTheWindowDenies(FxRobot robot) throws Exception {
        open();
        Future<Approval> f = ask(Requests.reveal(terminal(513), "OPENAI_API_KEY"), robot);
        robot.interact(() -> approvalStage().close());
        assertEquals(Approval.DENY, answered(f));
    }

    @Test
    void lockingClosesTheWindowAndDenies(FxRobot robot) throws Exception {
        open();
        Future<Approval> f = ask(Requests.reveal(terminal(514), "OPENAI_API_KEY"), robot);
        approvals.close();
        assertEquals(Approval.DENY, answered(f));
        closed(robot);
    }

    @Test
    void aRequestWhileTheWindowIsInTheTrayPostsANoticeAndStillShowsTheQuestion(FxRobot robot) throws Exception {
        open();
        robot.interact(() -> main.hide());
        try {
            Future<Approval> f = ask(Requests.reveal(terminal(515, "secret", "get", "OPENAI_API_KEY"), "OPENAI_API_KEY"), robot);
            waitUntil("the notice is posted", () -> !posted.isEmpty());
            assertEquals(Notification.Urgency.ATTENTION, posted.get(0).urgency());
            assertTrue(posted.get(0).text().contains("keyward secret get OPENAI_API_KEY"), posted.get(0).text());
            assertTrue(onFx(() -> approvalStage().isShowing() && approvalStage().getOwner() == null));
            robot.clickOn("#approval-deny");
            assertEquals(Approval.DENY, answered(f));
        } finally {
            robot.interact(() -> main.show());
        }
    }

    @Test
    void everyTextIsWholeAtTheDefaultAndTheMinimumSize(FxRobot robot) throws Exception {
        open();
        List<String> argv = new ArrayList<>(List.of("/usr/lib/jvm/java-25-openjdk-amd64/bin/java",
                "-XX:SharedArchiveFile=/home/ada/.cache/keyward/app-cds-0.1.0.jsa",
                "-cp", "/opt/keyward/lib/app.jar:/opt/keyward/lib/vault-core.jar:/opt/keyward/lib/automation.jar:"
                        + "/opt/keyward/lib/picocli-4.7.6.jar:/opt/keyward/lib/jackson-databind-2.17.2.jar",
                "dev.keyward.app.Main", "run", "--project", "payments-service-production-eu-west", "--",
                "npm", "run", "start:with-a-rather-long-script-name"));
        ClientProcess client = new ClientProcess(516, 1000, Optional.of(Path.of(argv.get(0))), argv,
                Optional.of(Path.of("/home/ada/src/work/clients/acme-corporation/payments-service-production-eu-west")),
                OptionalLong.of(4242), Optional.of("/dev/pts/3"));
        AccessRequest request = new AccessRequest(client, argv.subList(5, argv.size()), AccessRequest.Access.REVEAL,
                Optional.of("payments-service-production-eu-west"),
                List.of("OPENAI_API_KEY", "STRIPE_SECRET_KEY_FOR_THE_PRODUCTION_ACCOUNT", "DATABASE_URL"));
        Future<Approval> f = ask(request, robot);
        List<String> cut = new ArrayList<>(onFx(() -> CutTexts.inOpenWindows("approval at default size")));
        robot.interact(() -> {
            Stage s = approvalStage();
            s.setWidth(s.getMinWidth());
            s.setHeight(s.getMinHeight());
        });
        cut.addAll(onFx(() -> CutTexts.inOpenWindows("approval at minimum size")));
        assertTrue(onFx(() -> approvalStage().getWidth() <= ApprovalWindow.MIN_WIDTH + 1));
        robot.clickOn("#approval-deny");
        assertEquals(Approval.DENY, answered(f));
        assertTrue(cut.isEmpty(), "texts cut short: " + cut);
    }

    @Test
    void aVaultValueOnTheClientsCommandLineNeverReachesTheWindowANoticeOrTheAuditLog(FxRobot robot) throws Exception {
        open(Duration.ofSeconds(2), Duration.ZERO);
        robot.interact(() -> main.hide());
        try {
            String[] argv = {"run", "--", "curl", "-H", "Authorization: Bearer " + CANARY, "https://127.0.0.1/v1"};
            AccessRequest request = new AccessRequest(terminal(517, argv), List.of(argv), AccessRequest.Access.REVEAL,
                    Optional.empty(), List.of("OPENAI_API_KEY"));
            Future<Approval> shown = ask(request, robot);
            String text = DesktopTestKit.allVisibleText() + onFx(() -> approvalStage().getTitle());
            assertTrue(text.contains("[REDACTED]"), text);
            assertEquals(Approval.DENY, answered(shown)); // no answer: the timeout path and its notice
            closed(robot);
            Future<Approval> allowed = ask(new AccessRequest(terminal(518, argv), List.of(argv),
                    AccessRequest.Access.REVEAL, Optional.empty(), List.of("OPENAI_API_KEY")), robot);
            text += DesktopTestKit.allVisibleText();
            robot.clickOn("#approval-allow-terminal");
            assertEquals(Approval.ALLOW_TERMINAL_SESSION, answered(allowed));
            approvals.decide(request); // by the grant
            waitUntil("both notices are posted", () -> posted.size() >= 3);

            assertFalse(text.contains(CANARY), "the window shows the value");
            assertFalse(text.contains("canary-approval"), "the window shows part of the value");
            for (Notification n : posted) {
                assertFalse((n.title() + n.text()).contains(CANARY), n.toString());
            }
            List<AuditEntry> rows = audit();
            assertEquals(3, rows.size());
            for (AuditEntry row : rows) {
                assertFalse(row.toString().contains(CANARY), row.toString());
                assertTrue(row.detailsJson().contains("[REDACTED]"), row.detailsJson());
            }
        } finally {
            robot.interact(() -> main.show());
        }
    }

    private static Node focused() {
        return onFx(() -> {
            Stage s = approvalStage();
            return s == null ? null : s.getScene().getFocusOwner();
        });
    }

    private static Stage approvalStage() {
        for (Window w : Window.getWindows()) {
            if (w instanceof Stage s && s.isShowing() && s.getScene() != null
                    && s.getScene().lookup("#approval-deny") != null) {
                return s;
            }
        }
        return null;
    }
}
