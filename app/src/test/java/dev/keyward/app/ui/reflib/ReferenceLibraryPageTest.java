package dev.keyward.app.ui.reflib;

import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static dev.keyward.app.ui.DesktopTestKit.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.keyward.app.ui.BackgroundWork;
import dev.keyward.app.ui.DesktopTest;
import dev.keyward.reflib.ArchiveFormat;
import dev.keyward.reflib.LibrarySettings;
import dev.keyward.reflib.LibrarySource;
import dev.keyward.reflib.ReferenceLibrary;
import dev.keyward.reflib.ReferenceSource;
import dev.keyward.reflib.SourceState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The page against a loopback stand-in for GitHub's archive host. */
@DesktopTest
class ReferenceLibraryPageTest {

    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path dataDir;
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final BackgroundWork work = new BackgroundWork();

    @Start
    void start(Stage stage) throws IOException {
        byte[] zip = zip("widgets-" + SHA + "/docs/guide.md",
                "How to rotate a sprocket key.\nCall the sprocket endpoint with the new key.\n");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/acme/widgets/archive/" + SHA + ".zip", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, zip.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(zip);
            }
        });
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        ReferenceSource source = new ReferenceSource("widgets", "https://github.com/acme/widgets", SHA,
                ArchiveFormat.ZIP, null);
        ReferenceLibrary library = new ReferenceLibrary(dataDir, HttpClient.newHttpClient(),
                LibrarySettings.defaults(base).withInitialSources(List.of(source)));
        ReferenceLibraryPage page = new ReferenceLibraryPage(library, work);
        stage.setScene(new Scene((javafx.scene.Parent) page.view(), 800, 600));
        stage.show();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        work.close();
    }

    private static byte[] zip(String name, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static List<LibrarySource> rows(FxRobot robot) {
        return List.copyOf(robot.lookup("#reflib-table").queryAs(TableView.class).getItems());
    }

    @Test
    void syncDownloadsTheSourceAndSearchShowsPlainSnippets(FxRobot robot) {
        waitUntil("the source is listed", () -> rows(robot).size() == 1);
        assertEquals(SourceState.NOT_DOWNLOADED, onFx(() -> rows(robot).get(0).state()));

        robot.clickOn("#reflib-sync");
        waitUntil("the sync finished", () -> robot.lookup("#reflib-status").queryLabeled().getText()
                .startsWith("Sync finished: 1 source(s) current."));
        waitUntil("the table shows it current", () -> rows(robot).get(0).state() == SourceState.CURRENT);
        assertEquals(1, requests.get());

        robot.interact(() -> robot.lookup("#reflib-query").queryAs(TextField.class).setText("sprocket"));
        robot.interact(() -> robot.lookup("#reflib-query").queryAs(TextField.class).fireEvent(
                new javafx.event.ActionEvent()));
        waitUntil("results show", () -> !robot.lookup("#reflib-results").queryAs(TextArea.class).getText().isEmpty());
        String results = onFx(() -> robot.lookup("#reflib-results").queryAs(TextArea.class).getText());
        assertTrue(results.startsWith("1. widgets / docs/guide.md"), results);
        assertTrue(results.contains("sprocket"), results);
    }

    @Test
    void aSearchBeforeAnySyncSaysSo(FxRobot robot) {
        robot.interact(() -> robot.lookup("#reflib-query").queryAs(TextField.class).setText("sprocket"));
        robot.interact(() -> robot.lookup("#reflib-query").queryAs(TextField.class).fireEvent(
                new javafx.event.ActionEvent()));
        waitUntil("results show", () -> !robot.lookup("#reflib-results").queryAs(TextArea.class).getText().isEmpty());
        assertTrue(onFx(() -> robot.lookup("#reflib-results").queryAs(TextArea.class).getText()).startsWith("No matches"));
        assertEquals(0, requests.get());
    }
}
