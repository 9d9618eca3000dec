package dev.keyward.app.ui.automation;

import static dev.keyward.app.ui.DesktopTestKit.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keyward.app.ui.DesktopTest;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/** The programs table says there are none only once it has read them (a reader waiting for that text relies on it). */
@DesktopTest
class ProgramListTest {

    private ProgramList list;

    @Start
    void start(Stage stage) {
        list = new ProgramList(script -> { });
        stage.setScene(new Scene(list, 600, 400));
        stage.show();
    }

    @Test
    void anUnreadListSaysItIsReadingNotThatThereAreNoPrograms() {
        assertEquals(ProgramList.READING, placeholder());
    }

    @Test
    void aListReadEmptySaysThereAreNoPrograms() {
        onFx(() -> {
            list.show(List.of(), null);
            return null;
        });
        assertEquals(ProgramList.NONE, placeholder());
    }

    @Test
    void aListThatCouldNotBeReadSaysSo() {
        onFx(() -> {
            list.notRead();
            return null;
        });
        assertEquals(ProgramList.NOT_READ, placeholder());
    }

    private String placeholder() {
        return onFx(() -> ((Label) ((TableView<?>) list.lookup("#program-table")).getPlaceholder()).getText());
    }
}
