package dev.keyward.app.ui.scan;

import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static dev.keyward.app.ui.DesktopTestKit.waitUntil;

import dev.keyward.app.session.SessionServices;
import dev.keyward.app.ui.BackgroundWork;
import dev.keyward.app.ui.DesktopTest;
import dev.keyward.app.ui.DesktopTestKit;
import dev.keyward.app.ui.PageContext;
import dev.keyward.vault.session.VaultSession;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Shared set-up of the Scan page flow tests: a real SQLCipher profile, real folders in a temp directory, the
 * page on the session's real services, a folder picker that answers by itself and a folder opener that records
 * instead of starting a file manager. Standard output and error are copied, so a test can search them for values.
 */
@DesktopTest
abstract class ScanPageTestBase {

    @TempDir
    Path dataDir;
    @TempDir
    Path work;
    Stage stage;
    VaultSession session;
    SessionServices services;
    ScanPage page;
    final BackgroundWork background = new BackgroundWork();
    final DesktopTestKit.QueuedFiles files = new DesktopTestKit.QueuedFiles();
    final List<Path> opened = new CopyOnWriteArrayList<>();
    final List<String> openedOn = new CopyOnWriteArrayList<>();
    /** When set, the folder opener fails with it (a system without a file manager). */
    volatile RuntimeException openFails;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private PrintStream out;
    private PrintStream err;

    void keep(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void copyOutput() {
        out = System.out;
        err = System.err;
        System.setOut(new PrintStream(new Tee(out, printed), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(err, printed), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void tearDown() {
        onFx(() -> {
            if (page != null) {
                page.dispose();
            }
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w != stage && w instanceof Stage s) {
                    s.close();
                }
            }
            stage.hide();
            return null;
        });
        background.close();
        if (services != null) {
            services.close();
        }
        if (session != null) {
            session.close();
        }
        System.setOut(out);
        System.setErr(err);
    }

    /** What the test's code printed (logs included) so far. */
    String printed() {
        synchronized (printed) {
            return printed.toString(StandardCharsets.UTF_8);
        }
    }

    void profile() {
        session = DesktopTestKit.openNewProfile(dataDir, "work");
        services = SessionServices.open(session, dataDir);
    }

    void openPage(double width, double height, Consumer<ScanJob.Progress> probe) {
        onFx(() -> {
            PageContext ctx = DesktopTestKit.pageContext(session, background, stage, files, null, services);
            page = new ScanPage(ctx, folder -> {
                if (openFails != null) {
                    throw openFails;
                }
                opened.add(folder);
                openedOn.add(Thread.currentThread().getName());
            }, probe);
            stage.setScene(new Scene((Parent) page.view(), width, height));
            stage.show();
            return null;
        });
    }

    void openPage() {
        openPage(1000, 680, p -> { });
    }

    /** Adds {@code folder} through the page's Add folder button, the picker answering by itself. */
    void addFolder(FxRobot robot, Path folder) {
        files.answer(folder);
        robot.clickOn("#scan-add-folder");
        waitUntil("the folder is listed", () -> robot.lookup("#scan-folders").queryListView().getItems().contains(
                folder.toAbsolutePath().normalize()));
    }

    void scanAndWait(FxRobot robot) {
        String before = text(robot, "#scan-status");
        robot.clickOn("#scan-start");
        waitUntil("the scan ends", () -> !robot.lookup("#scan-start").query().isDisabled()
                && !text(robot, "#scan-status").isEmpty() && !text(robot, "#scan-status").equals(before));
    }

    static String text(FxRobot robot, String id) {
        return onFx(() -> ((Label) robot.lookup(id).query()).getText());
    }

    @SuppressWarnings("unchecked")
    static TreeView<ResultRow> tree(FxRobot robot) {
        return robot.lookup("#scan-results").queryAs(TreeView.class);
    }

    /** Each group's title with its place lines, as the tree holds them (shown or scrolled away). */
    static List<List<String>> groups(FxRobot robot) {
        return onFx(() -> {
            List<List<String>> out = new ArrayList<>();
            for (TreeItem<ResultRow> group : tree(robot).getRoot().getChildren()) {
                List<String> lines = new ArrayList<>();
                lines.add(group.getValue().text());
                group.getChildren().forEach(c -> lines.add(c.getValue().text()));
                out.add(lines);
            }
            return out;
        });
    }

    /** Selects the first tree line that contains {@code part} (expanding its group). */
    static void select(FxRobot robot, String part) {
        robot.interact(() -> {
            TreeView<ResultRow> t = tree(robot);
            for (TreeItem<ResultRow> group : t.getRoot().getChildren()) {
                for (TreeItem<ResultRow> item : group.getChildren()) {
                    if (item.getValue().text().contains(part)) {
                        group.setExpanded(true);
                        t.getSelectionModel().select(item);
                        t.requestFocus();
                        return;
                    }
                }
            }
            throw new AssertionError("no line contains " + part);
        });
    }

    static Path write(Path file, String text) throws java.io.IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    /** Copies what is written to the stream it stands in front of. */
    private final class Tee extends java.io.OutputStream {
        private final java.io.OutputStream first;
        private final java.io.OutputStream second;

        Tee(java.io.OutputStream first, java.io.OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            synchronized (printed) {
                second.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            synchronized (printed) {
                second.write(b, off, len);
            }
        }
    }
}
