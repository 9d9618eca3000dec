package dev.keyward.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MonocleSmokeTest {
    TextField field;
    @Start
    void start(Stage stage) {
        field = new TextField();
        field.setId("f");
        Button b = new Button("Go");
        b.setOnAction(e -> field.setText(field.getText() + "!"));
        stage.setScene(new Scene(new VBox(field, b), 300, 200));
        stage.show();
    }
    @Test
    void typesAndClicks(FxRobot robot) throws Exception {
        robot.clickOn("#f").write("abc");
        robot.clickOn("Go");
        assertEquals("abc!", field.getText());
        WaitForAsyncUtils.asyncFx(() -> { ClipboardContent c = new ClipboardContent(); c.putString("x"); Clipboard.getSystemClipboard().setContent(c); }).get();
        assertEquals("x", WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get());
        System.out.println("java " + System.getProperty("java.version") + " fx " + System.getProperty("javafx.runtime.version"));
    }
}
