package dev.keyward.app.ui.approval;

import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static dev.keyward.app.ui.DesktopTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyward.app.agent.AccessRequest;
import dev.keyward.app.agent.Approval;
import dev.keyward.app.agent.ClientProcess;
import dev.keyward.app.agent.DesktopApprovals;
import dev.keyward.app.agent.TerminalGrants;
import dev.keyward.app.ui.CutTexts;
import dev.keyward.app.ui.DesktopTest;
import dev.keyward.vault.redact.Redactor;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The approval window on a real display (a desktop, or xvfb-run), as a person meets it: readable whole
 * at its default and minimum size, and answered with the keyboard alone. Screenshots go to
 * target/screenshots/ for a person to look at.
 */
@DesktopTest
class ApprovalOnDisplayTest {

    private final ExecutorService agentThreads = Executors.newCachedThreadPool();
    private DesktopApprovals approvals;

    @BeforeAll
    static void needsADisplay() {
        Assumptions.assumeTrue(System.getenv("DISPLAY") != null, "no DISPLAY: run under xvfb-run");
        Assumptions.assumeFalse("Monocle".equals(System.getProperty("glass.platform")), "headless run: no real display");
    }

    @Start
    void start(Stage stage) {
        stage.setTitle("Keyward — work — unlocked");
        stage.setScene(new Scene(new StackPane(), 1000, 680));
        stage.show();
        approvals = new DesktopApprovals(new ApprovalDialog(stage, n -> { }), (client, outcome) -> { },
                Redactor.formatsOnly(), new TerminalGrants(Clock.systemUTC()), TerminalGrants.LENGTH, Duration.ofMinutes(5));
    }

    @AfterEach
    void stop() {
        approvals.close();
        agentThreads.shutdownNow();
    }

    @Test
    void theApprovalWindowIsWholeAndAnsweredWithTheKeyboardAlone(FxRobot robot) throws Exception {
        List<String> argv = List.of("/usr/lib/jvm/java-25-openjdk-amd64/bin/java", "-XX:SharedArchiveFile=/home/ada/.cache/keyward/cds.jsa",
                "-cp", "/opt/keyward/lib/app.jar:/opt/keyward/lib/vault-core.jar:/opt/keyward/lib/picocli-4.7.6.jar",
                "dev.keyward.app.Main", "run", "--project", "payments-service", "--", "npm", "start");
        ClientProcess client = new ClientProcess(31337, 1000, Optional.of(Path.of(argv.get(0))), argv,
                Optional.of(Path.of("/home/ada/src/payments-service")), OptionalLong.of(4242), Optional.of("/dev/pts/3"));
        AccessRequest request = new AccessRequest(client, argv.subList(5, argv.size()), AccessRequest.Access.REVEAL,
                Optional.of("payments-service"), List.of("STRIPE_SECRET_KEY", "DATABASE_URL"));
        Future<Approval> answer = agentThreads.submit(() -> approvals.decide(request));
        waitUntil("the approval window shows", () -> robot.lookup("#approval-deny").tryQuery().isPresent());
        waitUntil("the Allow buttons arm", () -> !robot.lookup("#approval-allow-once").query().isDisabled());
        List<String> cut = new ArrayList<>();
        save(robot, "approval-default.png");
        cut.addAll(onFx(() -> CutTexts.inOpenWindows("approval default size")));
        robot.interact(() -> {
            approvalStage().setWidth(ApprovalWindow.MIN_WIDTH);
            approvalStage().setHeight(ApprovalWindow.MIN_HEIGHT);
        });
        save(robot, "approval-minimum.png");
        cut.addAll(onFx(() -> CutTexts.inOpenWindows("approval minimum size")));
        waitUntil("Deny has the focus", () -> robot.lookup("#approval-deny").query().isFocused());
        robot.type(KeyCode.TAB);
        waitUntil("Allow once has the focus", () -> robot.lookup("#approval-allow-once").query().isFocused());
        robot.type(KeyCode.ENTER);
        assertEquals(Approval.ALLOW_ONCE, answer.get(20, TimeUnit.SECONDS));
        assertTrue(cut.isEmpty(), "texts cut short: " + cut);
    }

    private static Stage approvalStage() {
        for (Window w : Window.getWindows()) {
            if (w instanceof Stage s && s.isShowing() && s.getScene() != null && s.getScene().lookup("#approval-deny") != null) {
                return s;
            }
        }
        throw new AssertionError("no approval window");
    }

    private static void save(FxRobot robot, String name) throws Exception {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300); // let the window paint before reading the screen
        Rectangle2D bounds = onFx(() -> {
            Stage s = approvalStage();
            return new Rectangle2D(s.getX(), s.getY(), s.getWidth(), s.getHeight());
        });
        Image image = robot.capture(bounds).getImage();
        BufferedImage out = new BufferedImage((int) image.getWidth(), (int) image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, image.getPixelReader().getArgb(x, y));
            }
        }
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        ImageIO.write(out, "png", dir.resolve(name).toFile());
    }
}
