package dev.keyward.app.ui;

import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.framework.junit5.Start;

/**
 * TestFX gives every test in the JVM the same primary stage; a desktop test still gets the window
 * its own scene asks for, whatever an earlier test left on the stage. The first test here leaves
 * what the automation dialog test and then the shell left behind in the full suite.
 */
@DesktopTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FreshStageTest {

    /** The annotation itself, and this test, which names what it looks for. */
    private static final Set<String> SPEAKING_OF_IT = Set.of("DesktopTest.java", "FreshStageTest.java");

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 1100, 760));
        stage.show();
    }

    @Test
    @Order(1)
    void aTestMayLeaveASmallWindowWithTheShellsMinimumSize() {
        onFx(() -> {
            stage.setScene(new Scene(new StackPane(), 300, 200));
            stage.setWidth(300);
            stage.setHeight(200);
            // As DesktopShell does: JavaFX widens the window to the minimum and keeps that size as chosen.
            stage.setMinWidth(720);
            stage.setMinHeight(480);
            stage.setTitle("Keyward — work — unlocked");
            return null;
        });
        assertEquals(List.of(720.0, 480.0), onFx(() -> List.of(stage.getWidth(), stage.getHeight())));
    }

    @Test
    @Order(2)
    void theNextTestGetsTheWindowItsSceneAsksFor() {
        assertEquals(List.of(1100.0, 760.0), onFx(() -> List.of(stage.getWidth(), stage.getHeight())),
                "the window has the size of this test's scene");
        assertEquals(List.of(0.0, 0.0), onFx(() -> List.of(stage.getMinWidth(), stage.getMinHeight())),
                "no minimum size is left over");
        assertEquals(null, onFx(stage::getTitle));
    }

    @Test
    void everyTestFxClassUsesTheFreshStage() throws IOException {
        Path tests = Path.of("src/test/java").toAbsolutePath();
        List<String> bypassing;
        try (Stream<Path> files = Files.walk(tests)) {
            bypassing = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !SPEAKING_OF_IT.contains(f.getFileName().toString()))
                    .filter(f -> read(f).contains("ApplicationExtension.class"))
                    .map(f -> tests.relativize(f).toString())
                    .toList();
        }
        assertEquals(List.of(), bypassing, "test classes that take TestFX's stage without @DesktopTest");
        try (Stream<Path> files = Files.walk(tests)) {
            assertTrue(files.filter(f -> f.toString().endsWith(".java")).anyMatch(f -> read(f).contains("@DesktopTest")),
                    "the search found the desktop tests");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
